import { renderToString } from 'katex';
import { useMemo } from 'react';

interface TexProps {
  /** TeX built by src/explain from numbers the app formatted; never text from the URL. */
  readonly tex: string;
  readonly display?: boolean;
  readonly label?: string;
}

/** The one KaTeX wrapper: renders TeX to HTML with MathML for screen readers. */
export function Tex({ tex, display = false, label }: TexProps) {
  const html = useMemo(
    () =>
      renderToString(tex, {
        throwOnError: false,
        displayMode: display,
        output: 'htmlAndMathml',
        trust: false,
      }),
    [tex, display],
  );
  return (
    <span
      className={display ? 'tex tex-display' : 'tex'}
      data-testid={label}
      // KaTeX's own escaping; the input is app-built TeX.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
