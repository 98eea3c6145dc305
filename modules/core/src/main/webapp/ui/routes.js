// Every page of the UI: its address, its custom element, its module (loaded on first use) and the i18n
// namespaces it needs. The element gets `params` (from the address) and `query` (URLSearchParams).
// Plugin UI modules are not listed here: rooms and plugin pages load them from the plugin host on demand.
export const routes = [
  { path: '/', tag: 'ccc-home-page', module: () => import('./pages/home.js'), ns: ['home', 'fields', 'works'] },
  { path: '/cities', tag: 'ccc-cities-page', module: () => import('./pages/cities.js'), ns: ['cities', 'fields', 'works'] },
  { path: '/cities/:slug', tag: 'ccc-city-page', module: () => import('./pages/city.js'),
    ns: ['city', 'fields', 'account', 'room', 'works', 'plugins'] },
  { path: '/cities/:slug/modules/:pluginId', tag: 'ccc-plugin-page', module: () => import('./pages/plugin-page.js'),
    ns: ['city'] },
  { path: '/signin', tag: 'ccc-signin-page', module: () => import('./pages/signin.js'), ns: ['account'] },
  { path: '/signup', tag: 'ccc-signup-page', module: () => import('./pages/signup.js'), ns: ['account'] },
  { path: '/me', tag: 'ccc-profile-page', module: () => import('./pages/profile.js'), ns: ['account', 'fields'] },
  { path: '/people', tag: 'ccc-people-page', module: () => import('./pages/people.js'), ns: ['people', 'fields'] },
  { path: '/people/:id', tag: 'ccc-person-page', module: () => import('./pages/person.js'),
    ns: ['people', 'fields', 'works'] },
  { path: '/works', tag: 'ccc-works-page', module: () => import('./pages/works.js'), ns: ['works', 'fields'] },
  { path: '/works/new', tag: 'ccc-work-new-page', module: () => import('./pages/work-new.js'), ns: ['works', 'fields'] },
  { path: '/works/:id', tag: 'ccc-work-page', module: () => import('./pages/work.js'), ns: ['works', 'fields'] },
  { path: '/events', tag: 'ccc-events-page', module: () => import('/events-ui/events-page.js'), ns: ['events'] },
  { path: '/events/:id', tag: 'ccc-event-page', module: () => import('/events-ui/events-page.js'), ns: ['events'] },
  { path: '/search', tag: 'ccc-search-page', module: () => import('./pages/search.js'), ns: ['search', 'fields'] },
  { path: '/rooms/:id', tag: 'ccc-room-page', module: () => import('./pages/room.js'), ns: ['room', 'plugins'] },
  { path: '/works/:id/edit', tag: 'ccc-work-editor-page', module: () => import('/works-ui/work-editor.js'),
    ns: ['collab'] },
  { path: '/mentions', tag: 'ccc-mentions-page', module: () => import('./pages/mentions.js'), ns: ['room'] },
  { path: '/admin', tag: 'ccc-admin-page', module: () => import('./pages/admin.js'), ns: ['admin', 'fields'] },
  { path: '/admin/:section', tag: 'ccc-admin-page', module: () => import('./pages/admin.js'), ns: ['admin', 'fields'] },
];
