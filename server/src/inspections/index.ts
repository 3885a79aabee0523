export { findVisibleInspection } from './inspections.service.js';
export { presentInspection, presentInspections, ratingView } from './inspection.view.js';
