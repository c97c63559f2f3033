import type { CSSProperties, ReactNode } from 'react';
import { FEATURE_KIND_LABELS, FEATURE_KINDS, INCIDENT_KINDS } from '@contracts/crisis';
import { INCIDENT_KIND_LABELS, SEVERITY_LABELS, tm } from '../i18n';
import {
  FEATURE_STYLES,
  HIGHLIGHT,
  INCIDENT_KIND_GLYPHS,
  MARKER_OUTLINE,
  SEVERITIES,
  SEVERITY_STYLES,
  type MapFeatureKind,
} from '../lib/styles';

/** Swatches are decorative: the text next to them says it all. */
function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg
      className="vigie-legend__swatch"
      width="28"
      height="22"
      viewBox="0 0 28 22"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

function FeatureSwatch({ kind }: { kind: MapFeatureKind }) {
  const s = FEATURE_STYLES[kind];
  if (s.legend === 'point') {
    return (
      <span
        className="vigie-legend__pin"
        style={{ '--vigie-pin-color': s.color } as CSSProperties}
        aria-hidden="true"
      >
        {s.code}
      </span>
    );
  }
  return (
    <Swatch>
      {s.legend === 'line' ? (
        <path
          d="M2 16 L10 6 L18 14 L26 5"
          fill="none"
          stroke={s.color}
          strokeWidth={s.weight}
          strokeDasharray={s.dashArray}
        />
      ) : (
        <rect
          x="2"
          y="3"
          width="24"
          height="16"
          fill={s.fillColor}
          fillOpacity={Math.max(s.fillOpacity, 0.1)}
          stroke={s.color}
          strokeWidth={Math.min(s.weight, 3)}
          strokeDasharray={s.dashArray}
        />
      )}
    </Swatch>
  );
}

/** What the colours, letters and lines mean. */
export function MapLegend({ id, hidden }: { id: string; hidden: boolean }) {
  return (
    // focusable: the panel scrolls, keyboard users must be able to scroll it
    <div
      id={id}
      hidden={hidden}
      className="vigie-map-panel vigie-legend"
      role="region"
      aria-labelledby={`${id}-title`}
      tabIndex={0}
    >
      <h2 id={`${id}-title`} className="vigie-legend__title">
        {tm.legend.title}
      </h2>

      <h3 className="vigie-legend__heading">{tm.legend.severity}</h3>
      <ul className="vigie-legend__list">
        {SEVERITIES.map((severity) => {
          const s = SEVERITY_STYLES[severity];
          return (
            <li key={severity}>
              <Swatch>
                <circle
                  cx="14"
                  cy="11"
                  r={s.radius}
                  fill={s.fill}
                  stroke={MARKER_OUTLINE}
                  strokeWidth="1.5"
                />
              </Swatch>
              {SEVERITY_LABELS[severity]}
            </li>
          );
        })}
        <li>
          <Swatch>
            <circle cx="14" cy="11" r="10.5" fill={`${SEVERITY_STYLES.grave.fill}59`} />
            <circle
              cx="14"
              cy="11"
              r="8"
              fill={SEVERITY_STYLES.grave.fill}
              stroke="#fff"
              strokeWidth="1.5"
            />
          </Swatch>
          {tm.legend.cluster}
        </li>
        <li>
          <Swatch>
            <circle
              cx="14"
              cy="11"
              r="5"
              fill={SEVERITY_STYLES.moyenne.fill}
              stroke={MARKER_OUTLINE}
            />
            <circle cx="14" cy="11" r="8.5" fill="none" stroke={HIGHLIGHT} strokeWidth="2.5" />
          </Swatch>
          {tm.legend.selected}
        </li>
        <li>
          <Swatch>
            <circle
              cx="14"
              cy="11"
              r="7"
              fill={SEVERITY_STYLES.grave.fill}
              fillOpacity="0.45"
              stroke={MARKER_OUTLINE}
              strokeOpacity="0.45"
            />
          </Swatch>
          {tm.legend.closed}
        </li>
      </ul>

      <h3 className="vigie-legend__heading">{tm.legend.kinds}</h3>
      <ul className="vigie-legend__list vigie-legend__list--columns">
        {INCIDENT_KINDS.map((kind) => (
          <li key={kind}>
            <span className="vigie-legend__glyph" aria-hidden="true">
              {INCIDENT_KIND_GLYPHS[kind]}
            </span>
            {INCIDENT_KIND_LABELS[kind]}
          </li>
        ))}
      </ul>

      <h3 className="vigie-legend__heading">{tm.legend.features}</h3>
      <ul className="vigie-legend__list">
        {FEATURE_KINDS.map((kind) => (
          <li key={kind}>
            <FeatureSwatch kind={kind} />
            {FEATURE_KIND_LABELS[kind]}
          </li>
        ))}
      </ul>

      <h3 className="vigie-legend__heading">{tm.legend.reference}</h3>
      <ul className="vigie-legend__list">
        <li>
          <Swatch>
            <circle cx="14" cy="11" r="7" fill="#0063CB" stroke="#fff" strokeWidth="1.5" />
            <text x="14" y="14.5" textAnchor="middle" fontSize="9" fontWeight="700" fill="#fff">
              H
            </text>
          </Swatch>
          {tm.legend.hospital}
        </li>
        <li>
          <span className="vigie-task-badge__chip vigie-legend__badge" aria-hidden="true">
            2
          </span>
          {tm.legend.tasks}
        </li>
        <li>
          <Swatch>
            <path d="M2 11 H26" stroke="#000091" strokeWidth="3" />
          </Swatch>
          {tm.legend.departement}
        </li>
        <li>
          <Swatch>
            <path d="M2 11 H26" stroke="#3A3A3A" strokeWidth="1.8" strokeDasharray="10 4 2 4" />
          </Swatch>
          {tm.legend.arrondissement}
        </li>
        <li>
          <Swatch>
            <path d="M2 11 H26" stroke="#6A6A6A" strokeWidth="1" />
          </Swatch>
          {tm.legend.commune}
        </li>
      </ul>
    </div>
  );
}
