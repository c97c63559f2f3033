import { fr } from '@codegouvfr/react-dsfr';
import L from 'leaflet';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useMap } from 'react-leaflet';
import { useReferenceLayer } from '../api/reference-layers';
import { tm } from '../i18n';
import { DRAW_ORDER } from '../leaflet/ordered-canvas';
import { type CommuneEntry, searchCommunes, toCommuneEntry } from '../lib/commune-search';
import { HIGHLIGHT } from '../lib/styles';
import { prefersReducedMotion } from '../leaflet/motion';

const HIGHLIGHT_MS = 5000;

/**
 * Commune search (ARIA 1.2 combobox with a listbox): name or INSEE code; choosing one flies to
 * it and outlines it for a few seconds.
 */
export function CommuneSearch() {
  const map = useMap();
  const { data } = useReferenceLayer('communes');
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const highlight = useRef<{ layer: L.Layer; timer: ReturnType<typeof setTimeout> } | null>(null);

  const entries = useMemo(
    () =>
      (data?.features ?? []).map((f) =>
        toCommuneEntry({
          insee: f.properties.code,
          name: f.properties.nom,
          population: f.properties.population,
          postcodes: f.properties.codesPostaux.split(/[/,; ]+/).filter(Boolean),
        }),
      ),
    [data],
  );
  const results = useMemo(() => searchCommunes(entries, query), [entries, query]);
  const expanded = open && query.trim() !== '' && data !== undefined;

  const clearHighlight = () => {
    if (!highlight.current) return;
    clearTimeout(highlight.current.timer);
    highlight.current.layer.remove();
    highlight.current = null;
  };
  useEffect(() => clearHighlight, []);

  const choose = (entry: CommuneEntry) => {
    const feature = data?.features.find((f) => f.properties.code === entry.insee);
    setQuery(entry.name);
    setOpen(false);
    setActive(-1);
    if (!feature) return;
    clearHighlight();
    const layer = L.geoJSON(feature, {
      interactive: false,
      style: { color: HIGHLIGHT, weight: 4, fillColor: HIGHLIGHT, fillOpacity: 0.08 },
      drawOrder: DRAW_ORDER.highlight,
    } as L.GeoJSONOptions).addTo(map);
    highlight.current = { layer, timer: setTimeout(clearHighlight, HIGHLIGHT_MS) };
    const bounds = layer.getBounds();
    if (prefersReducedMotion())
      map.fitBounds(bounds, { padding: [48, 48], maxZoom: 14, animate: false });
    else map.flyToBounds(bounds, { padding: [48, 48], maxZoom: 14, duration: 0.8 });
    setAnnouncement(tm.search.shown(entry.name));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (results.length === 0) return;
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setOpen(true);
        setActive((i) =>
          i < 0
            ? step > 0
              ? 0
              : results.length - 1
            : (i + step + results.length) % results.length,
        );
        return;
      }
      case 'Enter': {
        const entry = results[active >= 0 ? active : 0];
        if (expanded && entry) {
          e.preventDefault();
          choose(entry);
        }
        return;
      }
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (query !== '') {
          e.preventDefault();
          setQuery('');
        }
        return;
      default:
        return;
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <div className="vigie-map-search">
      <div className={fr.cx('fr-search-bar')} role="search">
        <label className={fr.cx('fr-label')} htmlFor={inputId}>
          {tm.search.label}
        </label>
        <input
          id={inputId}
          className={fr.cx('fr-input')}
          type="search"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder={tm.search.placeholder}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          value={query}
          data-testid="map-search-input"
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
            setAnnouncement('');
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className={fr.cx('fr-btn')}
          title={tm.search.label}
          disabled={results.length === 0}
          onClick={() => {
            const first = results[0];
            if (first) choose(first);
          }}
        >
          {tm.search.label}
        </button>
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={tm.search.label}
        className="vigie-map-search__list"
        hidden={!expanded || results.length === 0}
        data-testid="map-search-results"
      >
        {results.map((entry, i) => (
          <li
            key={entry.insee}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className="vigie-map-search__option"
            data-testid="map-search-option"
            // keep the focus in the input: the click chooses, the blur would close first
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(entry)}
          >
            <span className="vigie-map-search__name">{entry.name}</span>{' '}
            <span className="vigie-map-search__meta">
              {entry.insee} · {tm.search.population(entry.population)}
            </span>
          </li>
        ))}
      </ul>
      <p className={fr.cx('fr-sr-only')} role="status">
        {expanded ? tm.search.results(results.length) : announcement}
      </p>
    </div>
  );
}
