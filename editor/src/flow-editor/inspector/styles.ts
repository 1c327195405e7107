// Class names the inspector's widgets share, so every input looks like its neighbours: the kit's
// compact field (editor/src/app/ui.tsx), with a width.
import { fieldClass } from '../../app/ui.tsx';

/** An input's look without its width, for rows of several controls. */
export const inputBase = `block ${fieldClass('compact')}`;

export const inputClass = `${inputBase} w-full`;

/** The control that takes the rest of a row. */
export const growInputClass = `${inputBase} min-w-0 flex-1`;

export const labelClass = 'block text-xs font-medium text-slate-600';
