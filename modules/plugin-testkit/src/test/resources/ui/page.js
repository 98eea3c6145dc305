customElements.define("ccc-sample-page", class extends HTMLElement {});
