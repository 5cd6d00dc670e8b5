import { STAGES, type ModuleName } from './fields.js';
import type { Reply } from './records.js';
import type { ZohoState } from './state.js';

// Metadata endpoints: users (§1.9), org and field metadata (the SDK's first
// calls, §6), layouts and pipelines (§1.10).

const error = (
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): Reply => ({
  status,
  body: { code, details, message, status: 'error' },
});

export const DEALS_LAYOUT_ID = '5725767000000091055';
const USER_TYPES = [
  'AllUsers',
  'ActiveUsers',
  'DeactiveUsers',
  'ConfirmedUsers',
  'NotConfirmedUsers',
  'DeletedUsers',
  'ActiveConfirmedUsers',
  'AdminUsers',
  'ActiveConfirmedAdmins',
  'CurrentUser',
];

export function users(state: ZohoState, query: ReadonlyMap<string, string>): Reply {
  const type = query.get('type') ?? 'AllUsers';
  if (!USER_TYPES.includes(type))
    return error(400, 'INVALID_DATA', 'invalid data', { api_name: 'type' });
  const page = Number(query.get('page') ?? '1');
  const perPage = Number(query.get('per_page') ?? '200');
  if (
    !Number.isInteger(page) ||
    page < 1 ||
    !Number.isInteger(perPage) ||
    perPage < 1 ||
    perPage > 200
  ) {
    return error(400, 'INVALID_DATA', 'invalid data', { api_name: 'per_page' });
  }
  const all =
    type === 'CurrentUser'
      ? state.users.slice(0, 1)
      : type === 'DeactiveUsers' || type === 'DeletedUsers' || type === 'NotConfirmedUsers'
        ? []
        : state.users;
  const slice = all.slice((page - 1) * perPage, page * perPage);
  if (slice.length === 0) return { status: 204, body: null };
  return {
    status: 200,
    body: {
      users: slice,
      info: {
        per_page: perPage,
        count: slice.length,
        page,
        more_records: all.length > page * perPage,
      },
    },
  };
}

export function user(state: ZohoState, id: string): Reply {
  const found = state.findUser(id);
  return found
    ? { status: 200, body: { users: [found] } }
    : error(400, 'INVALID_DATA', 'the given id seems to be invalid', { api_name: 'id' });
}

export function org(): Reply {
  return {
    status: 200,
    body: {
      org: [
        {
          id: '5725767000000000001',
          company_name: 'Emulated Org',
          time_zone: 'UTC',
          currency: 'USD',
          country_code: 'US',
          domain_name: 'org5725767',
          primary_email: 'admin@example.com',
          zgid: '5725767',
        },
      ],
    },
  };
}

/** Field metadata as the SDK reads it (`api_name`, `data_type`, `system_mandatory`, `lookup.module.api_name`, `pick_list_values`). */
export function fields(state: ZohoState, module: ModuleName): Reply {
  return {
    status: 200,
    body: {
      fields: state.fieldsOf(module).map((field, index) => ({
        id: field.id ?? `57257670000001${String(index).padStart(5, '0')}`,
        api_name: field.api_name,
        field_label: field.field_label ?? field.api_name.replace(/_/g, ' '),
        data_type: field.data_type,
        system_mandatory: field.system_mandatory ?? false,
        custom_field: field.custom_field ?? false,
        read_only: field.read_only ?? false,
        length: field.length ?? null,
        unique: { casesensitive: field.unique ? 'true' : 'false' },
        // A multi-module lookup (What_Id, Parent_Id) names the pseudo-module `se_module`, as Zoho does.
        lookup:
          field.lookup && field.lookup !== 'users'
            ? {
                module: {
                  api_name: field.lookup === '$se_module' ? 'se_module' : field.lookup,
                },
              }
            : {},
        pick_list_values: (field.api_name === 'Pipeline'
          ? state.pipelines
          : (field.pick_list_values ?? [])
        ).map((value) => ({
          display_value: value,
          actual_value: value,
          reference_value: value,
        })),
      })),
    },
  };
}

export function layouts(module: ModuleName): Reply {
  if (module !== 'Deals')
    return {
      status: 200,
      body: { layouts: [{ id: '5725767000000091001', name: 'Standard', status: 'active' }] },
    };
  return {
    status: 200,
    body: { layouts: [{ id: DEALS_LAYOUT_ID, name: 'Standard', status: 'active' }] },
  };
}

export function pipelines(state: ZohoState, query: ReadonlyMap<string, string>): Reply {
  const layoutId = query.get('layout_id');
  if (!layoutId)
    return error(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', {
      param: 'layout_id',
    });
  if (layoutId !== DEALS_LAYOUT_ID)
    return error(400, 'INVALID_DATA', 'invalid data', { api_name: 'layout_id' });
  return {
    status: 200,
    body: {
      pipeline: state.pipelines.map((name, index) => ({
        id: `57257670000002${String(index * 100).padStart(5, '0')}`,
        display_value: name,
        actual_value: name,
        default: index === 0,
        child_available: false,
        parent: null,
        maps: STAGES.map((stage, stageIndex) => ({
          id: `57257670000002${String(index * 100 + stageIndex + 1).padStart(5, '0')}`,
          display_value: stage.name,
          actual_value: stage.name,
          sequence_number: stageIndex + 1,
          forecast_type: stage.forecast,
          forecast_category: {
            name:
              stage.forecast === 'Open'
                ? 'Pipeline'
                : stage.forecast === 'Closed Won'
                  ? 'Closed'
                  : 'Omitted',
            id: `57257670000003${String(stageIndex).padStart(5, '0')}`,
          },
        })),
      })),
    },
  };
}
