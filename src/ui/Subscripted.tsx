/** Plain text of the figure model with each "_i" (one letter after an underscore) set as a subscript. */
export function Subscripted({ text }: { readonly text: string }) {
  return (
    <>
      {text.split(/(_[a-z])/).map((part, k) => (part.startsWith('_') && part.length === 2 ? <sub key={k}>{part.slice(1)}</sub> : part))}
    </>
  );
}
