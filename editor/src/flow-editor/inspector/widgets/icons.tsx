// The few line icons the inspector's list controls use.
const paths = {
  plus: 'M8 3v10M3 8h10',
  remove: 'M4 4l8 8M12 4l-8 8',
  up: 'M4 10l4-4 4 4',
  down: 'M4 6l4 4 4-4',
} as const;

export function Icon(props: { name: keyof typeof paths }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 16 16"
      className="size-3.5"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
    >
      <path d={paths[props.name]} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
