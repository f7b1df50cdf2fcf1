/**
 * Plain text of a figure model with its subscripts set as subscripts: each "_i" (one letter after an
 * underscore, not followed by another letter) and "_eff" (n_eff). The models keep plain strings so
 * that they can be tested and read aloud; the page shows xᵢ and n with a lowered "eff".
 */
export function Subscripted({ text }: { readonly text: string }) {
  return (
    <>
      {text.split(/(_eff|_[a-z](?![a-z]))/).map((part, k) => (part.startsWith('_') && part.length > 1 ? <sub key={k}>{part.slice(1)}</sub> : part))}
    </>
  );
}
