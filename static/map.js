// The actor map (/akteure/karte), drawn by Leaflet into #akteurskarte from the URLs in its data
// attributes: the states' borders and the actors as GeoJSON, both from our own server. No tile
// layer, no third-party request, no inline script or style (CSP). Without this script the page
// shows the link to the list by state, which is also the keyboard and screen reader path; the
// markers and clusters are focusable too (Leaflet's `keyboard` option) and open with Enter.
'use strict';
(function () {
  var element = document.getElementById('akteurskarte');
  if (!element || !window.L || !L.markerClusterGroup) return;
  var texts = JSON.parse(element.dataset.texts);
  var status = document.getElementById('karte-status');
  var numbers = new Intl.NumberFormat(texts.locale);
  var germany = L.latLngBounds([47.2, 5.8], [55.1, 15.1]);

  element.textContent = '';
  element.classList.add('qn-map--active');
  var map = L.map(element, {
    attributionControl: false,
    zoomSnap: 0.5,
    minZoom: 5,
    maxZoom: 14,
    maxBounds: germany.pad(0.5),
  });
  map.fitBounds(germany);

  // Leaflet closes a popup with Escape only while the map itself has the focus, not a link in the popup.
  element.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') map.closePopup();
  });

  function say(text) {
    if (status) status.textContent = text;
  }

  function getJson(url) {
    return fetch(url, { headers: { accept: 'application/geo+json, application/json' }, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }

  // One icon per sector: its colour comes from map.css, the name from the marker's title.
  var icons = {};
  function iconFor(sector) {
    if (!icons[sector]) icons[sector] = L.divIcon({ className: 'qn-map-marker qn-map-marker--' + sector, iconSize: [18, 18] });
    return icons[sector];
  }

  // Built from DOM nodes with textContent: names and places are never parsed as HTML.
  function popupContent(properties) {
    var box = document.createElement('div');
    var link = document.createElement('a');
    link.className = 'kern-link';
    link.href = element.dataset.profile + encodeURIComponent(properties.slug);
    link.textContent = properties.name;
    var details = document.createElement('p');
    details.textContent = [texts.sectors[properties.sector], properties.place].filter(Boolean).join(' · ');
    box.append(link, details);
    return box;
  }

  function toMarker(feature) {
    var properties = feature.properties;
    var marker = L.marker([feature.geometry.coordinates[1], feature.geometry.coordinates[0]], {
      icon: iconFor(properties.sector),
      title: properties.name,
      keyboard: true,
    });
    marker.bindPopup(function () {
      return popupContent(properties);
    });
    marker.on('popupopen', function (event) {
      var link = event.popup.getElement().querySelector('a');
      if (link) link.focus();
    });
    // Back to the marker when the popup closes with the focus in it (or lost), so keyboard users stay in place.
    marker.on('popupclose', function (event) {
      var icon = marker.getElement();
      var active = document.activeElement;
      var popup = event.popup.getElement();
      if (icon && (!active || active === document.body || (popup && popup.contains(active)))) icon.focus();
    });
    return marker;
  }

  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
    var label = document.createElement('span');
    label.textContent = numbers.format(count);
    var hidden = document.createElement('span');
    hidden.className = 'kern-sr-only';
    hidden.textContent = ' ' + texts.cluster;
    label.append(hidden);
    return L.divIcon({ html: label, className: 'qn-map-cluster qn-map-cluster--' + size, iconSize: [40, 40] });
  }

  getJson(element.dataset.borders)
    .then(function (borders) {
      L.geoJSON(borders, { interactive: false, style: { color: '#5b6275', weight: 1, fillColor: '#ffffff', fillOpacity: 1 } }).addTo(map).bringToBack();
    })
    .catch(function () {
      // The markers are still useful without the borders.
    });

  say(texts.loading);
  getJson(element.dataset.geojson)
    .then(function (collection) {
      var markers = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, iconCreateFunction: clusterIcon });
      markers.addLayers(collection.features.map(toMarker));
      map.addLayer(markers);
      var count = collection.features.length;
      say(count === 1 ? texts.shownOne : texts.shownOther.replace('{count}', numbers.format(count)));
    })
    .catch(function () {
      say(texts.failed);
    });
})();
