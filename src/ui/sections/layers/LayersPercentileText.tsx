import type { LayersFigure } from './layersFigure.ts';

/** The percentile of the measured ‖y‖, how it was obtained, and the normal approximation beside it (all from the figure model). */
export function LayersPercentileText({ percentile }: { readonly percentile: LayersFigure['percentile'] }) {
  if (percentile === 'computing') {
    return (
      <p className="layers-note" role="status" aria-busy="true" data-testid="layers-percentile-status">
        Computing the percentile of the measured length…
      </p>
    );
  }
  if ('none' in percentile) {
    return (
      <p className="layers-note" data-testid="layers-percentile-none">
        {percentile.none}
      </p>
    );
  }
  return (
    <div className="layers-percentile" data-testid="layers-percentile">
      <p>
        <span className="layers-percentile-label">{percentile.label}</span> ={' '}
        <span className="value" data-testid="layers-percentile-value">
          {percentile.value}
        </span>{' '}
        <span className="provenance">({percentile.provenance})</span>
      </p>
      <p data-testid="layers-position">{percentile.position}</p>
      {percentile.normal === null ? null : (
        <p className="layers-note" data-testid="layers-normal">
          {percentile.normal}
        </p>
      )}
    </div>
  );
}
