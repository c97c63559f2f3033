import type L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { tm } from '../i18n';

/**
 * French for what Leaflet writes in English: the popup close button's label and the attribution
 * prefix (plain text: these machines are offline, and Leaflet's prefix links out).
 */
export function MapChrome() {
  const map = useMap();

  useEffect(() => {
    map.attributionControl?.setPrefix('Leaflet');
    const onPopupOpen = (e: L.PopupEvent) => {
      e.popup
        .getElement()
        ?.querySelector('.leaflet-popup-close-button')
        ?.setAttribute('aria-label', tm.closePopup);
    };
    map.on('popupopen', onPopupOpen);
    return () => {
      map.off('popupopen', onPopupOpen);
    };
  }, [map]);

  return null;
}
