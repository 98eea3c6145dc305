// The world map's geometry, free of the DOM: the projection, the view (zoom k and translation, clamped so the map
// always fills its frame), the clustering of dots that would overlap at the current zoom, and the keyboard's
// "nearest marker in that direction". Coordinates are the SVG's viewBox units: base (x, y) for the whole world at
// zoom 1, screen (sx, sy) = base × k + translation.

// Equal Earth (Šavrič, Patterson and Jenny, 2018), as d3-geo's geoEqualEarthRaw: the map's projection, whose fixed
// drawing was projected once (world-paths.js, src/main/node-map/make-world-paths.cjs, which checks this function
// against d3's).
const A1 = 1.340264;
const A2 = -0.081106;
const A3 = 0.000893;
const A4 = 0.003796;
const M = Math.sqrt(3) / 2;

/** A longitude and latitude (degrees) projected by Equal Earth, unscaled, y upwards. */
export function equalEarth(lon, lat) {
  const l = Math.asin(M * Math.sin((lat * Math.PI) / 180));
  const l2 = l * l;
  const l6 = l2 * l2 * l2;
  const x = ((lon * Math.PI) / 180) * Math.cos(l) / (M * (A1 + 3 * A2 * l2 + l6 * (7 * A3 + 9 * A4 * l2)));
  return [x, l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2))];
}

/** The deepest zoom. There, no dots merge (Cairo and Giza are 0.04° apart), so every city can be reached. */
export const MAX_ZOOM = 128;

/** A view of a width × height map: zoom k ≥ 1 and a translation keeping the world's rectangle over the frame. */
export function clampView({ k, tx, ty }, width, height) {
  const zoom = Math.min(MAX_ZOOM, Math.max(1, k));
  return {
    k: zoom,
    tx: Math.min(0, Math.max(width * (1 - zoom), tx)),
    ty: Math.min(0, Math.max(height * (1 - zoom), ty)),
  };
}

/** The view zoomed to `k`, keeping the base point (x, y) at the frame's centre. */
export function centredView(x, y, k, width, height) {
  return clampView({ k, tx: width / 2 - x * k, ty: height / 2 - y * k }, width, height);
}

/** The view zoomed by `factor` around the screen point (sx, sy), which stays where it is. */
export function zoomedView(view, factor, sx, sy, width, height) {
  const k = Math.min(MAX_ZOOM, Math.max(1, view.k * factor));
  const x = (sx - view.tx) / view.k;
  const y = (sy - view.ty) / view.k;
  return clampView({ k, tx: sx - x * k, ty: sy - y * k }, width, height);
}

/** The zoom that spreads a cluster's members over half the frame: at least twice the current one. */
export function zoomToSeparate(members, view, width, height) {
  const xs = members.map((m) => m.x);
  const ys = members.map((m) => m.y);
  const spanX = Math.max(...xs) - Math.min(...xs);
  const spanY = Math.max(...ys) - Math.min(...ys);
  const fit = Math.min(width / Math.max(spanX, 1e-9), height / Math.max(spanY, 1e-9)) / 2;
  return Math.min(MAX_ZOOM, Math.max(view.k * 2, fit));
}

/**
 * Merges the points (base coordinates, in a stable order) whose dots would overlap at the view's zoom: a point
 * joins the first cluster whose seed lies within `distance` screen units, else it seeds a new one. A cluster is
 * {key (its seed's slug), members, x, y (the members' centroid, base), sx, sy (screen)}. At MAX_ZOOM nothing merges.
 */
export function clusters(points, view, distance) {
  const reach = view.k >= MAX_ZOOM ? 0 : distance / view.k;
  const grid = new Map();
  const found = [];
  const cellOf = (v) => (reach > 0 ? Math.floor(v / reach) : v);
  for (const p of points) {
    const gx = cellOf(p.x);
    const gy = cellOf(p.y);
    let home = null;
    for (let i = -1; i <= 1 && !home && reach > 0; i++) {
      for (let j = -1; j <= 1 && !home; j++) {
        home = (grid.get(`${gx + i},${gy + j}`) || [])
          .find((c) => Math.hypot(c.seedX - p.x, c.seedY - p.y) <= reach) || null;
      }
    }
    if (home) {
      home.members.push(p);
    } else {
      const c = { key: p.slug, seedX: p.x, seedY: p.y, members: [p] };
      found.push(c);
      const cell = `${gx},${gy}`;
      grid.set(cell, [...(grid.get(cell) || []), c]);
    }
  }
  return found.map((c) => {
    const x = c.members.reduce((s, m) => s + m.x, 0) / c.members.length;
    const y = c.members.reduce((s, m) => s + m.y, 0) / c.members.length;
    return { key: c.key, members: c.members, x, y, sx: x * view.k + view.tx, sy: y * view.k + view.ty };
  });
}

const DIRECTIONS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

/** Whether a key is one of the four arrows. */
export function isArrow(key) {
  return key in DIRECTIONS;
}

/**
 * The marker nearest to `from` in an arrow key's direction (screen coordinates), or null: only markers ahead
 * count, and a step sideways costs twice a step ahead, so the focus goes where the arrow points.
 */
export function nearestInDirection(markers, from, key) {
  const [dx, dy] = DIRECTIONS[key];
  let best = null;
  let bestScore = Infinity;
  for (const m of markers) {
    if (m === from) continue;
    const vx = m.sx - from.sx;
    const vy = m.sy - from.sy;
    const ahead = vx * dx + vy * dy;
    if (ahead <= 0) continue;
    const score = ahead + 2 * Math.abs(vx * dy - vy * dx);
    if (score < bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}
