import { Tex } from '../../../explain/Tex.tsx';
import { compensationInfo } from '../../../math/index.ts';
import { selectFirstResult } from '../../../state/analysisStore.ts';
import { useAnalysis } from '../../analysisContext.ts';
import { DraggableNumber } from '../../DraggableNumber.tsx';
import { useExplorer } from '../../explorerContext.ts';
import { useHighlight } from '../../highlightContext.ts';
import { HighlightKeys } from '../../HighlightKeys.tsx';
import { useNotationNumber } from '../../notationNumber.ts';
import { Section } from '../../Section.tsx';
import { SectionRef } from '../../SectionRef.tsx';
import { normFigure } from './normFigure.ts';
import { NormPanel } from './NormPanel.tsx';
import { useMemo } from 'react';
import { Subscripted } from '../../Subscripted.tsx';

/**
 * The norm section: what the page's compensation does to the length, for the page's mask model.
 * Every number is the engine's (the main figure's result, whose closed forms arrive first); the
 * figure model writes the sentences and formulas.
 */
export function NormSection() {
  const notation = useExplorer((s) => s.notation);
  const notationNumber = useNotationNumber();
  const [highlight, setHighlight] = useHighlight();
  const result = useAnalysis('main', selectFirstResult);
  const figure = useMemo(() => (result === null ? null : normFigure(result)), [result]);
  const keep = (
    <DraggableNumber
      {...notationNumber}
      label={`${notationNumber.label} (in the text)`}
      display={notation === 'keep' ? `keep probability q = ${notationNumber.display}` : `drop rate p = ${notationNumber.display}`}
    />
  );
  if (figure === null) {
    return (
      <Section id="norm">
        <p>The lengths of the compensated vector, with the {keep}, are being computed…</p>
        <NormPanel />
      </Section>
    );
  }
  const { names } = figure;
  const inverted = result !== null && compensationInfo(result.compensation).unbiased;
  return (
    <Section id="norm">
      <p>
        {figure.intro.before}
        {keep}
        {figure.intro.after}
      </p>
      <Tex tex={figure.meanSquareTex} display label="mean-square-norm" />
      <p className="method-note">E{names.out}² by {figure.meanSquareMethod}.</p>
      <p>{figure.boundsText}</p>
      <Tex tex={figure.boundsTex} display label="jensen-bounds" highlight={highlight} onHighlight={setHighlight} />
      <HighlightKeys
        keys={[
          ...(inverted ? [{ term: 'norm', label: names.ref }] : []),
          { term: 'mean', label: names.mean },
          { term: 'rms', label: names.rms },
        ]}
        where="the bounds above and the histogram below"
      />
      {figure.effectiveUnitsTex === null ? null : (
        <>
          <p>Where {names.mean} falls between them is set by how spread out x is, measured by the effective number of units:</p>
          <Tex tex={figure.effectiveUnitsTex} display label="effective-units" />
        </>
      )}
      <p data-testid="norm-position">
        {figure.positionText}
        {figure.shape === null ? null : (
          <>
            <Subscripted text={figure.shape.text} />
            {figure.shape.see === undefined ? null : (
              <>
                {' '}
                <SectionRef id={figure.shape.see} />.
              </>
            )}
          </>
        )}
      </p>
      <NormPanel />
    </Section>
  );
}
