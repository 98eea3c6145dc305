// Every page of the UI: its address, its custom element, its module (loaded on first use) and the i18n
// namespaces it needs, and `data`: the first API answers it reads, which the server preloads in the shell
// (RoutePreloads, :name being the address's part). Only answers that depend neither on the reader's language nor on
// who reads: the shell asks without the token, and Chromium hands that answer to the page's own request even when
// it carries one (a work's answer did: its author was shown "no such work" for a draft). `early`: first answers that
// need the reader's token, which app.js asks for as soon as it runs, before the page's module and its imports have
// come (api.js askEarly); each must be the page's own call exactly (path and query), or it is asked for twice.
// The element gets `params` (from the address) and `query` (URLSearchParams).
// Plugin UI modules are not listed here: rooms and plugin pages load them from the plugin host on demand.
export const routes = [
  { path: '/', tag: 'ccc-home-page', module: () => import('./pages/home.js'),
    ns: ['home', 'fields', 'works', 'map'] },
  { path: '/cities', tag: 'ccc-cities-page', module: () => import('./pages/cities.js'), ns: ['cities', 'fields', 'works'] },
  { path: '/cities/:slug', tag: 'ccc-city-page', module: () => import('./pages/city.js'),
    ns: ['city', 'fields', 'account', 'room', 'works', 'plugins', 'brand'],
    data: ['/api/cities/:slug', '/api/fields'] },
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
  { path: '/events', tag: 'ccc-events-page', module: () => import('/events-ui/events-page.js'), ns: ['events', 'fields'] },
  { path: '/events/:id', tag: 'ccc-event-page', module: () => import('/events-ui/events-page.js'), ns: ['events', 'fields'] },
  { path: '/projects', tag: 'ccc-projects-page', module: () => import('/projects-ui/projects-page.js'),
    ns: ['projects', 'fields'] },
  { path: '/projects/:id', tag: 'ccc-project-page', module: () => import('/projects-ui/projects-page.js'),
    ns: ['projects', 'fields'] },
  { path: '/search', tag: 'ccc-search-page', module: () => import('./pages/search.js'), ns: ['search', 'fields'] },
  { path: '/rooms/:id', tag: 'ccc-room-page', module: () => import('./pages/room.js'), ns: ['room', 'plugins'],
    early: ['/rooms/:id', '/rooms/:id/space', '/rooms/:id/history?limit=50'] },
  { path: '/works/:id/edit', tag: 'ccc-work-editor-page', module: () => import('/works-ui/work-editor.js'),
    ns: ['collab'] },
  { path: '/mentions', tag: 'ccc-mentions-page', module: () => import('./pages/mentions.js'), ns: ['room'] },
  { path: '/notifications', tag: 'ccc-notifications-page',
    module: () => import('/notifications-ui/notifications-page.js'), ns: ['notifications'] },
  { path: '/my-rooms', tag: 'ccc-my-rooms-page', module: () => import('/notifications-ui/my-rooms-page.js'),
    ns: ['notifications'] },
  { path: '/admin', tag: 'ccc-admin-page', module: () => import('./pages/admin.js'),
    ns: ['admin', 'fields', 'notifications'] },
  { path: '/admin/:section', tag: 'ccc-admin-page', module: () => import('./pages/admin.js'),
    ns: ['admin', 'fields', 'notifications'] },
];
