import { authEn } from '../../features/auth/messages.js';
import type { vi } from './vi.js';

/** English UI text. Typed by the Vietnamese keys, so a missing or extra key fails the typecheck. */
export const en: Record<keyof typeof vi, string> = {
  ...authEn,
  'app.name': 'Đoàn Viên',
  'app.tagline': 'Union member development and grassroots-union founding',
  'app.loading': 'Loading…',

  'lang.label': 'Language',
  'lang.vi': 'VI',
  'lang.en': 'EN',
  'lang.changeFailed': 'Could not save the language choice',

  'nav.org': 'Organisation',
  'nav.import': 'Excel import',
  'nav.users': 'Users',
  'nav.audit': 'Audit log',
  // The menu names every feature; shared components (UnitSelect, SearchToolbar) use these on any page.
  'nav.applications': 'Applications',
  'nav.dashboard': 'Overview',
  'nav.enterprises': 'Enterprises',
  'ent.filters': 'Filters',
  'nav.members': 'Members',
  'org.searchEmpty': 'No unit found',
  'nav.outreach': 'Outreach',
  'nav.plans': 'Plans and targets',
  'nav.menu': 'Open menu',
  'endedUnit.withSuccessor': '{name} ended on {date}; its successor is {successor}',
  'endedUnit.noSuccessor': '{name} ended on {date}',
  'endedUnit.hint':
    'Records from the end date on belong to the successor. Records of the time the unit existed can still be entered: choose the record’s date first, and the unit list follows the tree as of that date.',

  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.add': 'Add',
  'common.remove': 'Remove',
  'common.edit': 'Edit',
  'common.actions': 'Actions',
  'common.search': 'Search',
  'common.required': 'Required',
  'common.total': 'Total: {n}',
  'common.none': '—',
  'common.yes': 'Yes',
  'common.retry': 'Retry',
  'common.notFound': 'There is no such page.',
  'common.backHome': 'Back to home',
  'common.forbidden': 'You are not allowed to see this page.',
  'common.saved': 'Saved',

  'date.placeholder': 'dd/mm/yyyy',
  'date.today': 'Today',
  'date.range': 'From {from} to {to}',
  'date.rangeOpen': 'From {from} until now',

  'error.network': 'Cannot reach the server. Check the network and try again.',
  'error.unexpected': 'Something went wrong. Please try again.',
  'error.page': 'This page failed to display.',

  'scope.unit': 'Unit',
  'scope.unitPlaceholder': 'Choose a unit',
  'period.label': 'Period',
  'period.from': 'From',
  'period.to': 'To',
  'period.thisYear': 'This year',
  'period.plan': 'Plan {ref}',
  'period.thisQuarter': 'This quarter',
  'period.sixMonths': 'Last 6 months',
  'period.shortcuts': 'Quick periods',
  'filter.yes': '{label}: yes',
  'filter.no': '{label}: no',
};
