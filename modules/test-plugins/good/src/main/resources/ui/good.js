export function mount(element) {
  element.textContent = 'good plugin UI';
}
