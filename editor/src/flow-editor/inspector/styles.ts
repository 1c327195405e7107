// Class names the inspector's widgets share, so every input looks like its neighbours.

/** An input's look without its width, for rows of several controls. */
export const inputBase =
  'block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-800 shadow-xs ' +
  'placeholder:text-slate-400 focus:border-emerald-500 focus:outline-none focus:ring-2 focus:ring-emerald-500/40 ' +
  'disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 ' +
  'aria-invalid:border-red-400 aria-invalid:focus:ring-red-400/40';

export const inputClass = `${inputBase} w-full`;

/** The control that takes the rest of a row. */
export const growInputClass = `${inputBase} min-w-0 flex-1`;

export const labelClass = 'block text-xs font-medium text-slate-600';

export const iconButtonClass =
  'inline-flex size-7 shrink-0 items-center justify-center rounded-md text-slate-400 hover:bg-slate-100 ' +
  'hover:text-slate-700 focus:outline-none focus:ring-2 focus:ring-emerald-500/40 disabled:pointer-events-none disabled:opacity-40';

export const addButtonClass =
  'inline-flex items-center gap-1 rounded-md px-1.5 py-1 text-xs font-medium text-emerald-700 hover:bg-emerald-50 ' +
  'focus:outline-none focus:ring-2 focus:ring-emerald-500/40 disabled:pointer-events-none disabled:opacity-40';
