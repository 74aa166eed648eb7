// The lessons' code, downloaded on first use (lessonsHost.ts): the controller with the course and its
// checks, and the Lessons panel's view.
export { Lessons } from './Lessons';
export { LessonsPanel } from './LessonsPanel';
