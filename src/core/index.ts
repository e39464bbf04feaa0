// The core's public surface: adapters and pages import from here (or from the single module).
export * from './model';
export * from './errors';
export * from './policy';
export * from './calendar';
export * from './deadlines';
export * from './workflow';
export * from './status';
export * from './labels';
export * from './reminders';
export * from './metrics';
export * from './annual-report';
export { officialHoliday, officialMakeUpWorkday, holidayDataYears } from './holiday-data';
