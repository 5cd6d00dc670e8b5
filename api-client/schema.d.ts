// Generated from api-client/openapi.json by openapi-typescript (`npm run generate:api`); do not edit.

export interface paths {
    "/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Projects with their health at a glance
         * @description An extension of service.md for the admin web app: each project with its integration state, pending / failed / held counts, the age of its oldest pending event, its phone index state and the time of its last event. Ordered by id; pass `next` as `cursor` for the following page.
         *
         *     Operator key only.
         */
        get: operations["listProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * The project document, secrets redacted
         * @description Operator key, or a key of this project.
         */
        get: operations["getProject"];
        /**
         * Create or replace the project document
         * @description Nothing is stored when any part is invalid. The answer is the stored document, secrets redacted, except secrets the service generated (webhook token and signing secret), shown in clear this once.
         *
         *     Operator key only.
         */
        put: operations["putProject"];
        post?: never;
        /**
         * Delete the project and all its data
         * @description Operator key only.
         */
        delete: operations["deleteProject"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/employees": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * The project's employees
         * @description Operator key, or a key of this project.
         */
        get: operations["getEmployees"];
        /**
         * Replace the project's employees
         * @description Validated as in the whole document; nothing is stored when it is invalid.
         *
         *     Operator key, or a key of this project.
         */
        put: operations["putEmployees"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/matrix": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * The project's integration matrix (conditions × actions)
         * @description The matrix in force: the CRM's default when the document has none.
         *
         *     Operator key, or a key of this project.
         */
        get: operations["getMatrix"];
        /**
         * Replace the project's integration matrix (conditions × actions)
         * @description Validated as in the whole document; nothing is stored when it is invalid.
         *
         *     Operator key, or a key of this project.
         */
        put: operations["putMatrix"];
        post?: never;
        /**
         * Reset the matrix to the CRM's default
         * @description Operator key, or a key of this project.
         */
        delete: operations["resetMatrix"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/field-map": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * The project's field map (parameter → CRM field)
         * @description Operator key, or a key of this project.
         */
        get: operations["getFieldMap"];
        /**
         * Replace the project's field map (parameter → CRM field)
         * @description Validated as in the whole document; nothing is stored when it is invalid.
         *
         *     Operator key, or a key of this project.
         */
        put: operations["putFieldMap"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/pipeline-rules": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * The project's pipeline rules
         * @description Operator key, or a key of this project.
         */
        get: operations["getPipelineRules"];
        /**
         * Replace the project's pipeline rules
         * @description Validated as in the whole document; nothing is stored when it is invalid.
         *
         *     Operator key, or a key of this project.
         */
        put: operations["putPipelineRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/stop-list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * The project's stop-list
         * @description Operator key, or a key of this project.
         */
        get: operations["getStopList"];
        /**
         * Replace the project's stop-list
         * @description Validated as in the whole document; nothing is stored when it is invalid. An extension of service.md: each number libphonenumber judges valid is stored in E.164 (local numbers read in the project's default country), other entries (short codes, SIP numbers) as given, each once; the answer is the list as stored.
         *
         *     Operator key, or a key of this project.
         */
        put: operations["putStopList"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/working-hours": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * The project's working hours (weekly schedule and days off; null: every hour counts)
         * @description Operator key, or a key of this project.
         */
        get: operations["getWorkingHours"];
        /**
         * Replace the project's working hours (weekly schedule and days off; null: every hour counts)
         * @description Validated as in the whole document; nothing is stored when it is invalid.
         *
         *     Operator key, or a key of this project.
         */
        put: operations["putWorkingHours"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/connection": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * The project's CRM connection (secrets redacted)
         * @description Operator key, or a key of this project.
         */
        get: operations["getConnection"];
        /**
         * Replace the project's CRM connection (secrets redacted)
         * @description Validated as in the whole document; nothing is stored when it is invalid.
         *
         *     Operator key, or a key of this project.
         */
        put: operations["putConnection"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/crms/{crm}/default-matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * That CRM's default matrix
         * @description Any key.
         */
        get: operations["getDefaultMatrix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/crm/users": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * Users of the connected CRM
         * @description Operator key, or a key of this project.
         */
        get: operations["listCrmUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/crm/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * Pipelines of the connected CRM
         * @description Operator key, or a key of this project.
         */
        get: operations["listCrmPipelines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/crm/fields": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * Fields of one entity of the connected CRM
         * @description Operator key, or a key of this project.
         */
        get: operations["listCrmFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a project key
         * @description A project key reaches this project's endpoints (admin, routing) and nothing else.
         *
         *     Operator key only.
         */
        post: operations["createProjectKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
                /** @description The id returned when the key was created */
                keyId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a project key
         * @description Operator key only.
         */
        delete: operations["revokeProjectKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The operator keys: ids and origins, never a key
         * @description Operator key only.
         */
        get: operations["listOperatorKeys"];
        put?: never;
        /**
         * Create another operator key
         * @description For rotation without a restart: create the new key, move every client to it, then revoke the old one.
         *
         *     Operator key only.
         */
        post: operations["createOperatorKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id GET /v1/operator-keys lists */
                keyId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an operator key
         * @description Operator key only.
         */
        delete: operations["revokeOperatorKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/{crm}/start": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A CRM that offers OAuth */
                crm: "zoho" | "pipedrive" | "salesforce";
            };
            cookie?: never;
        };
        /**
         * Start Connect, the project in the query
         * @description Starts the OAuth authorization-code flow for a project and answers the CRM's authorize URL. The `state` in it is single use, expires in 10 minutes and is bound to the project, the CRM and the key that started it; PKCE (S256) is added where the CRM supports it (Salesforce).
         *
         *     Any key.
         */
        get: operations["startOAuthByQuery"];
        put?: never;
        /**
         * Start Connect: answer the CRM's authorize URL
         * @description Starts the OAuth authorization-code flow for a project and answers the CRM's authorize URL. The `state` in it is single use, expires in 10 minutes and is bound to the project, the CRM and the key that started it; PKCE (S256) is added where the CRM supports it (Salesforce).
         *
         *     Any key.
         */
        post: operations["startOAuth"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/{crm}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A CRM that offers OAuth */
                crm: "zoho" | "pipedrive" | "salesforce";
            };
            cookie?: never;
        };
        /**
         * Where the CRM sends the browser back
         * @description Exchanges the code at the CRM's token endpoint, saves the project's connection (the refresh token sealed like every secret) and redirects to the admin app: `/#/projects/{project}/connection?oauth=connected&crm=…&flow=…`, or `oauth=error&reason=…` when the CRM refused. No key: the state is the credential.
         */
        get: operations["finishOAuth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/unknown-employees": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * Extensions, SIP logins and phones on calls that name no employee
         * @description From the stored events of the last `days` (default 30, at most 90; the newest 50 000 events naming an employee): each reference no employee matches, with its calls, events and last call.
         *
         *     Operator key, or a key of this project.
         */
        get: operations["listUnknownEmployees"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/connection/test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the CRM who the credentials belong to
         * @description Answers the CRM user the token acts as, or the CRM's refusal in words (`ok: false`, still 200).
         *
         *     Operator key, or a key of this project.
         */
        post: operations["testConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * Integration state, event counts, phone index
         * @description Operator key, or a key of this project.
         */
        get: operations["getStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * Events per hour by outcome and CRM requests per hour, last 24 hours or 7 days
         * @description An extension of service.md for the admin web app's chart: the journal counted by UTC hour of each event's `at` and by outcome, every hour of the range present (zeros included), the current hour last. Each hour also carries `crmRequests` (optional; always present from this service): the HTTP requests sent to the project's CRM in that hour — by the workers and by the admin API (Test connection, users, fields) alike, token refreshes included. Each process counts them in memory and writes them every 10 seconds and when it stops, so the current hour can lag by that much, and a process killed outright (kill -9) loses at most its last 10 seconds of counts. The code exchange of Connect (OAuth) is not counted.
         *
         *     Operator key, or a key of this project.
         */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/journal": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * The journal, filtered and paged, oldest first
         * @description Operator key, or a key of this project.
         */
        get: operations["listJournal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
                /** @description The eventId the event was posted with */
                eventId: string;
            };
            cookie?: never;
        };
        /**
         * One event: state, attempts, last error, journal entry
         * @description Operator key, or a key of this project.
         */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/events/{eventId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
                /** @description The eventId the event was posted with */
                eventId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a failed event back to pending
         * @description Operator key, or a key of this project.
         */
        post: operations["retryEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/events/retry": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put every failed event of the project back to pending
         * @description An extension of service.md: what `POST …/events/{eventId}/retry` does, for each failed event of the project, oldest first. Each is decided again from the current project document when it runs; what of it had landed in the CRM stays landed and is not written again. Events that are not failed are left as they are.
         *
         *     Operator key, or a key of this project.
         */
        post: operations["retryFailedEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/integration/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop sending; events are still accepted and held
         * @description Operator key, or a key of this project.
         */
        post: operations["deactivateIntegration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/integration/resend-preview": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * What an activation with resend would send and expire (an extension)
         * @description Counts the waiting events as `activate` with `resend: true` would treat them now: those whose call began inside the resend window are sent, older ones expire (G10). Changes nothing. Not in service.md: an extension for the admin app's confirmation.
         *
         *     Operator key, or a key of this project.
         */
        get: operations["previewResend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/integration/activate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the CRM, resolve held events (G10), start sending
         * @description Checks the credentials and the field map against the CRM. With `resend: true` (the default) held events inside the resend window are sent in order and older ones expire; with `resend: false` held events are skipped.
         *
         *     Operator key, or a key of this project.
         */
        post: operations["activateIntegration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What the events would do; reads the CRM, writes nothing
         * @description A later event of the request sees what the earlier ones would have created. Nothing is stored. With `{ events, matrix }` the events run on that matrix instead of the saved one, to see what an unsaved change would do.
         *
         *     Operator key, or a key of this project.
         */
        post: operations["dryRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What a candidate matrix would have done with the events of a past range
         * @description Decides the journal's events of the range again, each against the client context it was decided on, with the stored project whose members the request replaces (`project.matrix`, `project.fieldMap`, `project.pipelineRules`, …, `employees`). Writes nothing and asks no CRM. The answer streams as NDJSON (`application/x-ndjson`, one JSON object per line): a `call` line per call (or event of no call) whose operations would differ — added, removed, changed — then one `totals` line; an `error` line ends a replay the store failed under way. At most 31 days and 100 000 events per replay.
         *
         *     Operator key, or a key of this project.
         */
        post: operations["replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/route": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /**
         * Smart call forwarding (G13): the owner of the caller's record
         * @description Answered from the service's local phone index, never by a CRM round trip. Authenticated as ingest (webhook token or Standard Webhooks signature) or with the operator or project key.
         */
        get: operations["routeCall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest events; 202 once durably stored
         * @description An array is accepted whole or not at all. A re-delivered eventId is a duplicate: counted, not stored again. Checks run in this order: 413, 415, 401, 400, 422.
         */
        post: operations["ingestEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/sources/twilio": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Twilio voice status, dial action and recording callbacks
         * @description Signed with X-Twilio-Signature over the URL Twilio called: sources.twilio.publicUrl + the path and query, or the request URL when unset.
         */
        post: operations["twilioCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{project}/sources/zadarma": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        /** Zadarma's URL check: answers the zd_echo value */
        get: operations["zadarmaEcho"];
        put?: never;
        /** Zadarma NOTIFY_* notifications */
        post: operations["zadarmaNotify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process runs */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store is migrated and reachable */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics, text format */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schemas/project.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** JSON Schema of the project document, for editors ("$schema") */
        get: operations["getProjectJsonSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schemas/events.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** JSON Schema of the ingest body: one event or an array of events */
        get: operations["getEventsJsonSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/api": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This reference as one HTML page, served offline */
        get: operations["getApiDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details (service.md §4) */
        Problem: {
            /** @enum {string} */
            type: "urn:callmatrix:invalid-events" | "urn:callmatrix:invalid-document" | "urn:callmatrix:invalid-request" | "urn:callmatrix:replay-refused" | "urn:callmatrix:not-json" | "urn:callmatrix:unsupported-media-type" | "urn:callmatrix:payload-too-large" | "urn:callmatrix:unauthorized" | "urn:callmatrix:forbidden" | "urn:callmatrix:not-found" | "urn:callmatrix:method-not-allowed" | "urn:callmatrix:conflict" | "urn:callmatrix:rate-limited" | "urn:callmatrix:internal" | "urn:callmatrix:not-implemented" | "urn:callmatrix:crm-unavailable" | "urn:callmatrix:store-unavailable";
            title: string;
            status: number;
            detail?: string;
            /** @description Each problem names the field it is about by its JSON path */
            problems?: {
                path: string;
                message: string;
            }[];
            /** @description As the Retry-After header (429, 503) */
            retryAfterSec?: number;
        };
        /** @description One project: settings, employees, the CRM connection and the secrets of ingest and sources. Secrets read back as "redacted"; sending "redacted" keeps the stored value. */
        ProjectDocument: {
            /** @enum {string} */
            crm: "zoho" | "retailcrm" | "pipedrive" | "salesforce";
            project?: components["schemas"]["ProjectSettings"];
            employees?: components["schemas"]["Employees"];
            connection?: components["schemas"]["Connection"] | null;
            webhook?: components["schemas"]["Webhook"];
            /** @description Telephony platforms posting in their own formats */
            sources?: {
                twilio?: components["schemas"]["TwilioSettings"];
                zadarma?: components["schemas"]["ZadarmaSettings"];
            };
            alerts?: components["schemas"]["Alerts"];
        };
        /** @description One event or an array of at most 1 000 (scenario-format.md §3) */
        Events: components["schemas"]["Event"] | components["schemas"]["Event"][];
        /** @description Events as for ingest, or an object with `events` and a `matrix` to try instead of the saved one (nothing is saved) */
        DryRunRequest: components["schemas"]["Events"] | {
            events: components["schemas"]["Events"];
            matrix?: components["schemas"]["Matrix"];
        };
        /** @description One event, scenario-format.md §3: the `type` member decides which members apply. `eventId` is required over HTTP. */
        Event: {
            eventId: string;
            /** Format: date-time */
            at: string;
            callId: string;
            /** @constant */
            type: "call.started";
            /** @enum {string} */
            direction: "incoming" | "outgoing" | "internal";
            from: string;
            to: string;
            tracking?: {
                utm?: {
                    source?: string;
                    medium?: string;
                    campaign?: string;
                    term?: string;
                    content?: string;
                };
                pool?: string;
                gaClientId?: string;
                landingPage?: string;
                trackingNumber?: string;
            };
            employee?: {
                id?: string;
                extension?: string;
                sipLogin?: string;
                phone?: string;
                code?: string;
            };
        } | {
            eventId: string;
            /** Format: date-time */
            at: string;
            callId: string;
            /** @constant */
            type: "call.answered";
            employee: {
                id?: string;
                extension?: string;
                sipLogin?: string;
                phone?: string;
                code?: string;
            };
        } | {
            eventId: string;
            /** Format: date-time */
            at: string;
            callId: string;
            /** @constant */
            type: "call.transferred";
            employee: {
                id?: string;
                extension?: string;
                sipLogin?: string;
                phone?: string;
                code?: string;
            };
        } | {
            eventId: string;
            /** Format: date-time */
            at: string;
            callId: string;
            /** @constant */
            type: "call.ended";
            /** @enum {string} */
            disposition: "answered" | "missed" | "busy" | "failed" | "voicemail";
            durationSec?: number;
            talkSec?: number;
            recordingUrl?: string;
            /** @enum {string} */
            direction?: "incoming" | "outgoing" | "internal";
            from?: string;
            to?: string;
            tracking?: {
                utm?: {
                    source?: string;
                    medium?: string;
                    campaign?: string;
                    term?: string;
                    content?: string;
                };
                pool?: string;
                gaClientId?: string;
                landingPage?: string;
                trackingNumber?: string;
            };
            employee?: {
                id?: string;
                extension?: string;
                sipLogin?: string;
                phone?: string;
                code?: string;
            };
        } | {
            eventId: string;
            /** Format: date-time */
            at: string;
            callId: string;
            /** @constant */
            type: "call.recording";
            recordingUrl: string;
        } | {
            eventId: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            type: "form.submitted";
            phone?: string;
            name?: string;
            email?: string;
            fields?: {
                [key: string]: string;
            };
            tracking?: {
                utm?: {
                    source?: string;
                    medium?: string;
                    campaign?: string;
                    term?: string;
                    content?: string;
                };
                pool?: string;
                gaClientId?: string;
                landingPage?: string;
                trackingNumber?: string;
            };
        } | {
            eventId: string;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            type: "messenger.dialog_started" | "messenger.dialog_taken" | "messenger.contact_provided" | "messenger.dialog_ended";
            dialogId: string;
            /** @enum {string} */
            channel: "telegram" | "viber" | "facebook" | "webchat";
            clientId: string;
            name?: string;
            phone?: string;
            employee?: {
                id?: string;
                extension?: string;
                sipLogin?: string;
                phone?: string;
                code?: string;
            };
            chatUrl?: string;
            summary?: string;
            tracking?: {
                utm?: {
                    source?: string;
                    medium?: string;
                    campaign?: string;
                    term?: string;
                    content?: string;
                };
                pool?: string;
                gaClientId?: string;
                landingPage?: string;
                trackingNumber?: string;
            };
        } | {
            eventId: string;
            /** Format: date-time */
            at: string;
            callId: string;
            /** @constant */
            type: "analytics.ready";
            /** @enum {string} */
            language?: "en" | "uk" | "ru" | "pl";
            summary?: string;
            mood?: {
                client?: string;
                operator?: string;
                overall?: string;
            };
            scores?: {
                opening?: {
                    score: number;
                    details?: string;
                };
                discovery?: {
                    score: number;
                    details?: string;
                };
                presentation?: {
                    score: number;
                    details?: string;
                };
                closing?: {
                    score: number;
                    details?: string;
                };
                overall?: {
                    score: number;
                    details?: string;
                };
            };
            custom?: {
                [key: string]: string | null;
            };
            wentWell?: string;
            attention?: {
                score: number;
                details?: string;
            };
        };
        Employees: {
            id: string;
            name: string;
            crmUserId?: string;
            extension?: string;
            /** @default [] */
            sipLogins: string[];
            /** @default [] */
            phones: string[];
            code?: string;
            email?: string;
            /** @default false */
            topManager: boolean;
        }[];
        Matrix: {
            [key: string]: {
                /** @enum {string} */
                action: "create_contact" | "create_organization" | "create_lead" | "create_lead_if_no_contact" | "create_deal" | "create_deal_if_none" | "assign_to_manager" | "task_top_manager" | "task_manager" | "task_responsible" | "comment";
                done?: boolean;
                dueHours?: number;
                title?: string;
                ignoreWorkingHours?: boolean;
            }[];
        };
        /** @default {} */
        FieldMap: {
            lead?: {
                [key: string]: string;
            };
            contact?: {
                [key: string]: string;
            };
            deal?: {
                [key: string]: string;
            };
        };
        /** @default [] */
        PipelineRules: {
            pipeline: string;
            param: string;
            value: string;
        }[];
        /** @default [] */
        StopList: string[];
        WorkingHours: {
            week: {
                mon?: {
                    from: string;
                    to: string;
                }[];
                tue?: {
                    from: string;
                    to: string;
                }[];
                wed?: {
                    from: string;
                    to: string;
                }[];
                thu?: {
                    from: string;
                    to: string;
                }[];
                fri?: {
                    from: string;
                    to: string;
                }[];
                sat?: {
                    from: string;
                    to: string;
                }[];
                sun?: {
                    from: string;
                    to: string;
                }[];
            };
            /** @default [] */
            daysOff: string[];
        } | null;
        ProjectSettings: {
            defaultCountry?: string;
            /** @default UTC */
            timezone: string;
            matrix?: components["schemas"]["Matrix"] | null;
            /** @default 4 */
            taskDueHours: number;
            stopList?: components["schemas"]["StopList"];
            pipelineRules?: components["schemas"]["PipelineRules"];
            fieldMap?: components["schemas"]["FieldMap"];
            messengerFieldMap?: {
                lead?: {
                    [key: string]: string | null;
                };
                contact?: {
                    [key: string]: string | null;
                };
                deal?: {
                    [key: string]: string | null;
                };
            };
            fieldValues?: {
                lead?: {
                    [key: string]: {
                        [key: string]: string;
                    };
                };
                contact?: {
                    [key: string]: {
                        [key: string]: string;
                    };
                };
                deal?: {
                    [key: string]: {
                        [key: string]: string;
                    };
                };
            };
            /** @enum {string} */
            analyticsDestination?: "deal" | "call" | "both";
            workingHours?: {
                week: {
                    mon?: {
                        from: string;
                        to: string;
                    }[];
                    tue?: {
                        from: string;
                        to: string;
                    }[];
                    wed?: {
                        from: string;
                        to: string;
                    }[];
                    thu?: {
                        from: string;
                        to: string;
                    }[];
                    fri?: {
                        from: string;
                        to: string;
                    }[];
                    sat?: {
                        from: string;
                        to: string;
                    }[];
                    sun?: {
                        from: string;
                        to: string;
                    }[];
                };
                /** @default [] */
                daysOff: string[];
            } | null;
            /** @default 3 */
            resendWindowDays: number;
            routingPriority?: ("deals" | "leads" | "contacts")[];
            /**
             * @default en
             * @enum {string}
             */
            language: "en" | "uk" | "ru" | "pl";
            /**
             * @default {
             *       "closeTasks": true,
             *       "minTalkSec": 20
             *     }
             */
            callbacks: {
                /**
                 * @description Mark a call-back task this integration set (missed, busy, voicemail) done once the client is reached
                 * @default true
                 */
                closeTasks: boolean;
                /**
                 * @description Talk seconds an answered outgoing call to the client needs to count as reaching him
                 * @default 20
                 */
                minTalkSec: number;
            };
        };
        /** @description Set by the operator or, when absent, generated by the service (write-only) */
        Webhook: {
            token?: string;
            signingSecret?: string;
        };
        /** @description The CRM's address and credentials (service.md §2); credentials are write-only and read back as "redacted" */
        Connection: {
            baseUrl: string;
            accountsUrl: string;
            credentials: {
                clientId: string;
                clientSecret: string;
                refreshToken: string;
            };
        } | {
            baseUrl: string;
            credentials: {
                apiKey: string;
            };
        } | {
            baseUrl: string;
            oauthUrl?: string;
            credentials: {
                apiToken: string;
            } | {
                clientId: string;
                clientSecret: string;
                refreshToken: string;
            };
        } | {
            baseUrl: string;
            loginUrl: string;
            credentials: {
                clientId: string;
                clientSecret: string;
                refreshToken: string;
            };
        };
        /** @description State changes announced to the operator: an alert webhook signed per Standard Webhooks (signingSecret is write-only), and the failed-events threshold */
        Alerts: {
            /** @description The operator's alert webhook: state changes are POSTed here as JSON, signed per Standard Webhooks. Its host must pass the CRM host rule (the CRM's own domains or CALLMATRIX_ALLOW_CRM_HOSTS). */
            url?: string;
            /** @description The Standard Webhooks secret the alerts are signed with (write-only). */
            signingSecret?: string;
            /**
             * @description Failed events of the project at which an alert is raised (and lowered below it).
             * @default 10
             */
            failedThreshold: number;
        };
        TwilioSettings: {
            authToken: string;
            /** Format: uri */
            publicUrl?: string;
        };
        ZadarmaSettings: {
            apiSecret: string;
            timezone?: string;
            recordingUrl?: string;
        };
        ActivateRequest: {
            /** @default true */
            resend: boolean;
        };
        OAuthStart: {
            project: string;
            /** @description Where the browser returns in the admin app; default `#/projects/{project}/connection` */
            returnTo?: string;
            /**
             * Format: uri
             * @description The CRM's OAuth server for this connection (Zoho data centre, Salesforce sandbox or My Domain); default from the settings
             */
            server?: string;
        };
        /** @description A time range and a candidate: the stored project document with these members replaced */
        ReplayRequest: {
            /**
             * Format: date-time
             * @description Inclusive lower bound on the events' `at`
             */
            from: string;
            /**
             * Format: date-time
             * @description Inclusive upper bound on the events' `at`
             */
            to: string;
            /** @description Members of the project settings to try instead of the stored ones (`matrix`, `fieldMap`, `pipelineRules`, `taskDueHours`, `language`, …), each replacing the stored member whole */
            project?: {
                [key: string]: unknown;
            };
            /** @description The employees to try instead of the stored ones */
            employees?: unknown[];
        };
        TwilioStatusCallback: {
            CallSid: string;
            AccountSid?: string;
            From: string;
            To: string;
            /** @enum {string} */
            Direction: "inbound" | "outbound-api" | "outbound-dial" | "trunking-originating" | "trunking-terminating";
            Timestamp?: string;
            /** Format: uri */
            RecordingUrl?: string;
            ParentCallSid?: string;
            /** @enum {string} */
            CallStatus: "queued" | "initiated" | "ringing" | "in-progress" | "completed" | "busy" | "failed" | "no-answer" | "canceled";
            CallDuration?: string;
            SequenceNumber?: string;
        };
        TwilioDialAction: {
            CallSid: string;
            AccountSid?: string;
            From: string;
            To: string;
            /** @enum {string} */
            Direction: "inbound" | "outbound-api" | "outbound-dial" | "trunking-originating" | "trunking-terminating";
            Timestamp?: string;
            /** Format: uri */
            RecordingUrl?: string;
            /** @enum {string} */
            DialCallStatus: "completed" | "answered" | "busy" | "no-answer" | "failed" | "canceled";
            DialCallSid?: string;
            DialCallDuration?: string;
        };
        TwilioRecordingCallback: {
            CallSid: string;
            AccountSid?: string;
            RecordingSid: string;
            /** Format: uri */
            RecordingUrl: string;
            /** @enum {string} */
            RecordingStatus: "in-progress" | "completed" | "absent" | "failed";
            RecordingDuration?: string;
            RecordingSource?: string;
            Timestamp?: string;
        };
        ZadarmaNotification: {
            /** @constant */
            event: "NOTIFY_START";
            pbx_call_id: string;
            call_start: string;
            caller_id: string;
            called_did: string;
        } | {
            /** @constant */
            event: "NOTIFY_INTERNAL";
            pbx_call_id: string;
            call_start: string;
            caller_id: string;
            called_did: string;
            internal?: string;
        } | {
            /** @constant */
            event: "NOTIFY_ANSWER";
            pbx_call_id: string;
            call_start: string;
            caller_id: string;
            destination: string;
            internal?: string;
        } | {
            /** @constant */
            event: "NOTIFY_END";
            pbx_call_id: string;
            call_start: string;
            duration: string;
            disposition: string;
            status_code?: string;
            is_recorded?: string;
            call_id_with_rec?: string;
            caller_id: string;
            called_did: string;
            internal?: string;
            last_internal?: string;
        } | {
            /** @constant */
            event: "NOTIFY_OUT_START";
            pbx_call_id: string;
            call_start: string;
            internal: string;
            destination: string;
            caller_id?: string;
        } | {
            /** @constant */
            event: "NOTIFY_OUT_END";
            pbx_call_id: string;
            call_start: string;
            duration: string;
            disposition: string;
            status_code?: string;
            is_recorded?: string;
            call_id_with_rec?: string;
            internal: string;
            destination: string;
            caller_id?: string;
        } | {
            /** @constant */
            event: "NOTIFY_RECORD";
            pbx_call_id: string;
            call_id_with_rec: string;
        };
        /** @description One line of the NDJSON answer: a `call` line per call (or event of no call) that would differ, then one `totals` line; an `error` line ends a replay the store failed under way */
        ReplayLine: {
            /** @constant */
            kind: "call";
            /** @description null: an event of no call (a form, a dialog…) */
            callId: string | null;
            /** @description Events of the call replayed */
            events: number;
            /** @description The events that would differ */
            changes: {
                eventId: string;
                type: string;
                outcome?: {
                    before: string;
                    after: string;
                };
                added: ({
                    op: string;
                } & {
                    [key: string]: unknown;
                })[];
                removed: ({
                    op: string;
                } & {
                    [key: string]: unknown;
                })[];
                changed: {
                    /** @description A neutral operation without its key; a reference to an operation of the same plan reads `@op:KIND#RANK` */
                    before: {
                        op: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /** @description A neutral operation without its key; a reference to an operation of the same plan reads `@op:KIND#RANK` */
                    after: {
                        op: string;
                    } & {
                        [key: string]: unknown;
                    };
                }[];
            }[];
        } | {
            /** @constant */
            kind: "totals";
            events: number;
            calls: number;
            callsDiffering: number;
            added: number;
            removed: number;
            changed: number;
            /** @description Events whose outcome would differ */
            outcomes: number;
            /** @description Events that failed before they were decided: not replayed */
            undecided: number;
        } | {
            /** @constant */
            kind: "error";
            message: string;
        };
        JournalEntry: {
            eventId: string;
            /** @description The event type, e.g. call.ended */
            type: string;
            /** @description Matrix rows that fired */
            conditions: ("incoming.before_answer" | "incoming.on_answer" | "incoming.missed" | "incoming.answered_by_manager" | "incoming.answered_by_responsible" | "incoming.voicemail" | "outgoing.success_by_responsible" | "outgoing.success_by_manager" | "outgoing.failed" | "unknown_employee" | "form.submitted" | "messenger.dialog_started" | "messenger.dialog_taken" | "messenger.contact_provided" | "messenger.dialog_ended")[];
            /** @enum {string} */
            outcome: "applied" | "skipped" | "failed";
            /** @description Why it was skipped or failed */
            reason?: string;
            operations: {
                /** @enum {string} */
                op: "create_contact" | "update_contact" | "create_lead" | "update_lead" | "create_deal" | "update_deal" | "create_organization" | "update_organization" | "create_task" | "update_task" | "complete_task" | "create_comment" | "create_call_log" | "update_call_log" | "notify";
                /** @enum {string} */
                entity: "contacts" | "leads" | "deals" | "organizations" | "tasks" | "comments" | "calls" | "notifications";
                /** @description The record's id in the CRM */
                id: string;
                /** @description Why, where the operation has one (complete_task: how the client was reached) */
                reason?: string;
                /** @description What of the record was left out when written: a mapped value its picklist lacks */
                notes?: string[];
            }[];
            skipped?: {
                /** @enum {string} */
                action: "create_contact" | "create_organization" | "create_lead" | "create_lead_if_no_contact" | "create_deal" | "create_deal_if_none" | "assign_to_manager" | "task_top_manager" | "task_manager" | "task_responsible" | "comment" | "call_log" | "notify";
                reason: string;
            }[];
            /** @description A person's retry decided the event again from the current settings: the plan stored before; `operations` is what ran */
            redecided?: {
                previous: {
                    /** @enum {string} */
                    op: "create_contact" | "update_contact" | "create_lead" | "update_lead" | "create_deal" | "update_deal" | "create_organization" | "update_organization" | "create_task" | "update_task" | "complete_task" | "create_comment" | "create_call_log" | "update_call_log" | "notify";
                    /** @enum {string} */
                    entity: "contacts" | "leads" | "deals" | "organizations" | "tasks" | "comments" | "calls" | "notifications";
                    /** @description Its CRM id when it had landed */
                    id: string | null;
                }[];
            };
        };
        JournalItem: {
            eventId: string;
            /** @description The event type, e.g. call.ended */
            type: string;
            /** @description Matrix rows that fired */
            conditions: ("incoming.before_answer" | "incoming.on_answer" | "incoming.missed" | "incoming.answered_by_manager" | "incoming.answered_by_responsible" | "incoming.voicemail" | "outgoing.success_by_responsible" | "outgoing.success_by_manager" | "outgoing.failed" | "unknown_employee" | "form.submitted" | "messenger.dialog_started" | "messenger.dialog_taken" | "messenger.contact_provided" | "messenger.dialog_ended")[];
            /** @enum {string} */
            outcome: "applied" | "skipped" | "failed";
            /** @description Why it was skipped or failed */
            reason?: string;
            operations: {
                /** @enum {string} */
                op: "create_contact" | "update_contact" | "create_lead" | "update_lead" | "create_deal" | "update_deal" | "create_organization" | "update_organization" | "create_task" | "update_task" | "complete_task" | "create_comment" | "create_call_log" | "update_call_log" | "notify";
                /** @enum {string} */
                entity: "contacts" | "leads" | "deals" | "organizations" | "tasks" | "comments" | "calls" | "notifications";
                /** @description The record's id in the CRM */
                id: string;
                /** @description Why, where the operation has one (complete_task: how the client was reached) */
                reason?: string;
                /** @description What of the record was left out when written: a mapped value its picklist lacks */
                notes?: string[];
            }[];
            skipped?: {
                /** @enum {string} */
                action: "create_contact" | "create_organization" | "create_lead" | "create_lead_if_no_contact" | "create_deal" | "create_deal_if_none" | "assign_to_manager" | "task_top_manager" | "task_manager" | "task_responsible" | "comment" | "call_log" | "notify";
                reason: string;
            }[];
            /** @description A person's retry decided the event again from the current settings: the plan stored before; `operations` is what ran */
            redecided?: {
                previous: {
                    /** @enum {string} */
                    op: "create_contact" | "update_contact" | "create_lead" | "update_lead" | "create_deal" | "update_deal" | "create_organization" | "update_organization" | "create_task" | "update_task" | "complete_task" | "create_comment" | "create_call_log" | "update_call_log" | "notify";
                    /** @enum {string} */
                    entity: "contacts" | "leads" | "deals" | "organizations" | "tasks" | "comments" | "calls" | "notifications";
                    /** @description Its CRM id when it had landed */
                    id: string | null;
                }[];
            };
            /**
             * Format: date-time
             * @description The event's own time
             */
            at: string;
            /** @description An extension of service.md: the client's phone the entry concerns (E.164 where valid; the least when it names several), absent when it names none. In the journal list only. */
            caller?: string;
        };
        JournalPage: {
            entries: components["schemas"]["JournalItem"][];
            /** @description Cursor of the next page; null on the last */
            next: string | null;
        };
        Status: {
            integration: {
                /** @enum {string} */
                state: "active" | "broken" | "inactive";
                /** Format: date-time */
                since: string;
                /** @description Why it is broken: the CRM's refusal */
                reason: string | null;
            };
            events: {
                pending: number;
                applied: number;
                skipped: number;
                failed: number;
                expired: number;
            };
            index: {
                /** @enum {string} */
                state: "loading" | "ready" | "failed";
                /** @description Distinct phones in the index */
                phones: number;
                /** @description Why the last index load failed (with `failed` only) */
                reason?: string;
            };
        };
        EventDetail: {
            eventId: string;
            /** @enum {string} */
            state: "pending" | "applied" | "skipped" | "failed" | "expired";
            attempts: number;
            lastError: string | null;
            journal: components["schemas"]["JournalItem"] | null;
        };
        RetriedEvents: {
            /** @description Failed events put back to pending (0 when none was failed) */
            retried: number;
        };
        ResendPreview: {
            /** @description The project's resendWindowDays */
            windowDays: number;
            /** @description The first calendar day of the window (YYYY-MM-DD, the project's time zone) */
            windowStart: string;
            /** @description Waiting events an activation with resend sends: their call began inside the window */
            resend: {
                events: number;
                /** @description Calls and dialogs those events belong to */
                calls: number;
            };
            /** @description Waiting events an activation with resend expires: their call began before the window */
            expire: {
                events: number;
                /** @description Calls and dialogs those events belong to */
                calls: number;
            };
        };
        KeyCreated: {
            /** @description The key, shown this once */
            key: string;
            /** @description For DELETE /v1/projects/{project}/keys/{keyId} or DELETE /v1/operator-keys/{keyId} */
            id: string;
        };
        OperatorKeys: {
            keys: {
                /** @description For DELETE /v1/operator-keys/{keyId} */
                id: string;
                /**
                 * @description CALLMATRIX_ADMIN_KEY, created at first start, created through the API, or stored before origins were kept
                 * @enum {string}
                 */
                origin: "environment" | "generated" | "api" | "earlier";
                /** Format: date-time */
                createdAt: string;
            }[];
        };
        DryRunResult: {
            journal: components["schemas"]["JournalEntry"][];
        };
        CrmUsers: {
            users: {
                id: string;
                name: string;
            }[];
        };
        CrmPipelines: {
            pipelines: {
                id: string;
                name: string;
            }[];
        };
        CrmFields: {
            fields: {
                /** @description What a project's field map names as the target */
                name: string;
                label?: string;
                /** @enum {string} */
                type: "string" | "number" | "date" | "boolean" | "picklist" | "other";
                /** @description A picklist's values, as a field map's fieldValues may name them */
                values?: string[];
            }[];
        };
        Route: {
            /** @constant */
            match: true;
            employee: {
                id: string;
                name: string;
                extension: string | null;
                sipLogins: string[];
                phones: string[];
            };
            record: {
                /** @enum {string} */
                entity: "deals" | "leads" | "contacts";
                id: string;
            };
        } | {
            /** @constant */
            match: false;
        };
        Accepted: {
            /** @description New events stored */
            accepted: number;
            /** @description Events whose eventId was already stored */
            duplicates: number;
        };
        ProjectSummary: {
            id: string;
            crm: string;
            integration: {
                /** @enum {string} */
                state: "active" | "broken" | "inactive";
                /** Format: date-time */
                since: string;
                /** @description Why it is broken: the CRM's refusal */
                reason: string | null;
            };
            events: {
                /** @description Waiting to be applied, held ones included */
                pending: number;
                /** @description Given up after retries; retryable */
                failed: number;
                /** @description Pending while the integration is broken or inactive */
                held: number;
            };
            /** @description When the oldest pending event was received; null when none */
            oldestPendingAt: string | null;
            /** @description Its age in seconds at the time of the answer */
            oldestPendingAgeSec: number | null;
            index: {
                /** @enum {string} */
                state: "loading" | "ready" | "failed";
            };
            /** @description When the last event was received; null when none yet */
            lastEventAt: string | null;
        };
        ProjectList: {
            projects: components["schemas"]["ProjectSummary"][];
            /** @description Cursor of the next page; null on the last */
            next: string | null;
        };
        OAuthStarted: {
            /**
             * Format: uri
             * @description The CRM's authorize page: send the browser there
             */
            authorizeUrl: string;
            /** @description Single use, bound to the project and the key that started it */
            state: string;
            /** @description The flow id the redirect back to the admin app carries */
            flow: string;
            /** Format: uri */
            redirectUri: string;
            /** Format: date-time */
            expiresAt: string;
        };
        ConnectionTest: {
            /** @constant */
            ok: true;
            /** @description The CRM user the credentials act as; null when the CRM has no such notion (retailCRM API keys) */
            user: {
                id: string;
                name: string;
                email?: string;
            } | null;
        } | {
            /** @constant */
            ok: false;
            /** @enum {string} */
            kind: "reauth" | "retryable" | "permanent";
            /** @description The CRM's refusal in words */
            reason: string;
        };
        Stats: {
            /** @enum {string} */
            range: "24h" | "7d";
            /**
             * Format: date-time
             * @description Start of the first hour (UTC), inclusive
             */
            from: string;
            /**
             * Format: date-time
             * @description End of the last hour, the current one (UTC), exclusive
             */
            to: string;
            /** @description Every hour of the range, oldest first, zeros included */
            hours: {
                /**
                 * Format: date-time
                 * @description Start of the hour (UTC)
                 */
                hour: string;
                applied: number;
                skipped: number;
                failed: number;
                /** @description HTTP requests sent to the project's CRM in this hour (every process's, written every few seconds) */
                crmRequests?: number;
            }[];
        };
        UnknownEmployees: {
            /**
             * Format: date-time
             * @description The events read are those of this time and later
             */
            since: string;
            /** @description Stored events that named an employee */
            scannedEvents: number;
            /** @description True when the newest 50 000 such events were read and older ones left out */
            truncated: boolean;
            /** @description Most calls first */
            items: {
                extension?: string;
                /** @description Lower case, as employees are matched */
                sipLogin?: string;
                /** @description E.164 when valid, else as sent */
                phone?: string;
                code?: string;
                id?: string;
                /** @description Distinct calls (or messenger dialogs) it was on */
                calls: number;
                /** @description Events that named it */
                events: number;
                lastCall: {
                    /** Format: date-time */
                    at: string;
                    /** @description The event type, e.g. call.answered */
                    type: string;
                    callId?: string;
                    dialogId?: string;
                };
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listProjects: {
        parameters: {
            query?: {
                /** @description Projects per page */
                limit?: number;
                /** @description The `next` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of projects */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "projects": [
                     *         {
                     *           "id": "acme",
                     *           "crm": "pipedrive",
                     *           "integration": {
                     *             "state": "active",
                     *             "since": "2026-05-01T08:00:00.000Z",
                     *             "reason": null
                     *           },
                     *           "events": {
                     *             "pending": 2,
                     *             "failed": 1,
                     *             "held": 0
                     *           },
                     *           "oldestPendingAt": "2026-05-04T06:00:41.000Z",
                     *           "oldestPendingAgeSec": 4,
                     *           "index": {
                     *             "state": "ready"
                     *           },
                     *           "lastEventAt": "2026-05-04T06:00:43.000Z"
                     *         }
                     *       ],
                     *       "next": "acme"
                     *     }
                     */
                    "application/json": components["schemas"]["ProjectList"];
                };
            };
            /** @description Bad query; each problem names its parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A project key on an operator-only endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "crm": "pipedrive",
                     *       "project": {
                     *         "defaultCountry": "UA",
                     *         "timezone": "Europe/Kyiv",
                     *         "taskDueHours": 4
                     *       },
                     *       "employees": [
                     *         {
                     *           "id": "e1",
                     *           "name": "Olena Top",
                     *           "crmUserId": "u1",
                     *           "extension": "100",
                     *           "topManager": true
                     *         },
                     *         {
                     *           "id": "e2",
                     *           "name": "Petro",
                     *           "crmUserId": "u2",
                     *           "extension": "101",
                     *           "sipLogins": [
                     *             "petro"
                     *           ]
                     *         }
                     *       ],
                     *       "connection": {
                     *         "baseUrl": "https://yourcompany.pipedrive.com",
                     *         "credentials": {
                     *           "apiToken": "redacted"
                     *         }
                     *       },
                     *       "sources": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ProjectDocument"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "crm": "pipedrive",
                 *       "project": {
                 *         "defaultCountry": "UA",
                 *         "timezone": "Europe/Kyiv",
                 *         "taskDueHours": 4
                 *       },
                 *       "employees": [
                 *         {
                 *           "id": "e1",
                 *           "name": "Olena Top",
                 *           "crmUserId": "u1",
                 *           "extension": "100",
                 *           "topManager": true
                 *         },
                 *         {
                 *           "id": "e2",
                 *           "name": "Petro",
                 *           "crmUserId": "u2",
                 *           "extension": "101",
                 *           "sipLogins": [
                 *             "petro"
                 *           ]
                 *         }
                 *       ],
                 *       "connection": {
                 *         "baseUrl": "https://yourcompany.pipedrive.com",
                 *         "credentials": {
                 *           "apiToken": "your-pipedrive-api-token"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ProjectDocument"];
            };
        };
        responses: {
            /** @description Replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDocument"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDocument"];
                };
            };
            /** @description Bad project id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A project key on an operator-only endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid document, nothing stored; each problem names its field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A project key on an operator-only endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEmployees: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The employees */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Employees"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putEmployees: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Employees"];
            };
        };
        responses: {
            /** @description The employees as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Employees"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid part; each problem names its field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMatrix: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matrix */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Matrix"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMatrix: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Matrix"];
            };
        };
        responses: {
            /** @description The matrix as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Matrix"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid part; each problem names its field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetMatrix: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFieldMap: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The field-map */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldMap"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putFieldMap: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FieldMap"];
            };
        };
        responses: {
            /** @description The field-map as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldMap"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid part; each problem names its field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPipelineRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pipeline-rules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineRules"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putPipelineRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PipelineRules"];
            };
        };
        responses: {
            /** @description The pipeline-rules as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineRules"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid part; each problem names its field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStopList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stop-list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StopList"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putStopList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StopList"];
            };
        };
        responses: {
            /** @description The stop-list as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StopList"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid part; each problem names its field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWorkingHours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The working-hours */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkingHours"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putWorkingHours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkingHours"];
            };
        };
        responses: {
            /** @description The working-hours as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkingHours"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid part; each problem names its field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"] | null;
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Connection"] | null;
            };
        };
        responses: {
            /** @description The connection as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"] | null;
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid part; each problem names its field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDefaultMatrix: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The CRM */
                crm: "zoho" | "retailcrm" | "pipedrive" | "salesforce";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matrix */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Matrix"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown CRM */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCrmUsers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Users of the connected CRM */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CrmUsers"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The CRM did not answer */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCrmPipelines: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pipelines of the connected CRM */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CrmPipelines"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not offered by this adapter yet */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The CRM did not answer */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCrmFields: {
        parameters: {
            query: {
                /** @description Whose fields */
                entity: "lead" | "contact" | "deal";
            };
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CrmFields"];
                };
            };
            /** @description No or unknown entity */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not offered by this adapter yet */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The CRM did not answer */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProjectKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyCreated"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A project key on an operator-only endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeProjectKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
                /** @description The id returned when the key was created */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A project key on an operator-only endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such project or key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOperatorKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operator keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorKeys"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A project key on an operator-only endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOperatorKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyCreated"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A project key on an operator-only endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeOperatorKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id GET /v1/operator-keys lists */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A project key on an operator-only endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such operator key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The last operator key: create another one first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startOAuthByQuery: {
        parameters: {
            query: {
                /** @description The project to connect */
                project: string;
                /** @description The admin-app route to come back to (`#/…`) */
                returnTo?: string;
                /** @description The CRM's OAuth server */
                server?: string;
            };
            header?: never;
            path: {
                /** @description A CRM that offers OAuth */
                crm: "zoho" | "pipedrive" | "salesforce";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where to send the browser */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthStarted"];
                };
            };
            /** @description Bad body or query; an OAuth server outside the allowed hosts */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's), or a CRM without OAuth */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The project's CRM is another one */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This service has no OAuth client for the CRM (its settings are unset) */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startOAuth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A CRM that offers OAuth */
                crm: "zoho" | "pipedrive" | "salesforce";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "project": "acme"
                 *     }
                 */
                "application/json": components["schemas"]["OAuthStart"];
            };
        };
        responses: {
            /** @description Where to send the browser */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthStarted"];
                };
            };
            /** @description Bad body or query; an OAuth server outside the allowed hosts */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's), or a CRM without OAuth */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The project's CRM is another one */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This service has no OAuth client for the CRM (its settings are unset) */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finishOAuth: {
        parameters: {
            query: {
                /** @description As given by start */
                state: string;
                /** @description The CRM's authorization code */
                code?: string;
                /** @description The CRM's refusal (access_denied, …) */
                error?: string;
            };
            header?: never;
            path: {
                /** @description A CRM that offers OAuth */
                crm: "zoho" | "pipedrive" | "salesforce";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Back to the admin app, with the outcome in the route */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A missing, forged, used or expired state */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A CRM without OAuth */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUnknownEmployees: {
        parameters: {
            query?: {
                /** @description How far back, days */
                days?: number;
            };
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unknown references, most calls first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnknownEmployees"];
                };
            };
            /** @description Bad query; each problem names its field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    testConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user, or the refusal */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true,
                     *       "user": {
                     *         "id": "5725767000000001002",
                     *         "name": "Olena Top",
                     *         "email": "olena@example.com"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectionTest"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The project has no connection */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "integration": {
                     *         "state": "active",
                     *         "since": "2026-05-01T08:00:00.000Z",
                     *         "reason": null
                     *       },
                     *       "events": {
                     *         "pending": 2,
                     *         "applied": 120,
                     *         "skipped": 14,
                     *         "failed": 1,
                     *         "expired": 0
                     *       },
                     *       "index": {
                     *         "state": "ready",
                     *         "phones": 5230
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Status"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStats: {
        parameters: {
            query?: {
                /** @description How far back */
                range?: "24h" | "7d";
            };
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Hourly counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stats"];
                };
            };
            /** @description Bad query; each problem names its parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listJournal: {
        parameters: {
            query?: {
                /** @description Entries of one call */
                callId?: string;
                /** @description The client's phone, in any format */
                phone?: string;
                /** @description One outcome */
                outcome?: "applied" | "skipped" | "failed";
                /** @description Entries whose event's `at` is at or after this time */
                from?: string;
                /** @description Entries whose event's `at` is at or before this time */
                to?: string;
                /** @description Page size */
                limit?: number;
                /** @description The `next` of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "entries": [
                     *         {
                     *           "eventId": "m1-end",
                     *           "type": "call.ended",
                     *           "conditions": [
                     *             "incoming.missed"
                     *           ],
                     *           "outcome": "applied",
                     *           "operations": [
                     *             {
                     *               "op": "create_contact",
                     *               "entity": "contacts",
                     *               "id": "101"
                     *             },
                     *             {
                     *               "op": "create_deal",
                     *               "entity": "deals",
                     *               "id": "55"
                     *             },
                     *             {
                     *               "op": "create_task",
                     *               "entity": "tasks",
                     *               "id": "9001"
                     *             }
                     *           ],
                     *           "at": "2026-05-04T06:00:40.000Z"
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": components["schemas"]["JournalPage"];
                };
            };
            /** @description Bad query; each problem names its parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
                /** @description The eventId the event was posted with */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDetail"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
                /** @description The eventId the event was posted with */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event, pending again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDetail"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The event is not failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryFailedEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many events were put back */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetriedEvents"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deactivateIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a move the integration can make */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewResend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResendPreview"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    activateIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "resend": true
                 *     }
                 */
                "application/json": components["schemas"]["ActivateRequest"];
            };
        };
        responses: {
            /** @description The status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            /** @description Bad body; each problem names its field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by the CRM, or no connection; nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dryRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "eventId": "m1-start",
                 *         "type": "call.started",
                 *         "at": "2026-05-04T09:00:00+03:00",
                 *         "callId": "m1",
                 *         "direction": "incoming",
                 *         "from": "+380671234567",
                 *         "to": "+380441112233"
                 *       },
                 *       {
                 *         "eventId": "m1-end",
                 *         "type": "call.ended",
                 *         "at": "2026-05-04T09:00:40+03:00",
                 *         "callId": "m1",
                 *         "disposition": "missed",
                 *         "durationSec": 40,
                 *         "talkSec": 0
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["DryRunRequest"];
            };
        };
        responses: {
            /** @description The journal the events would produce */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DryRunResult"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid events or matrix; each problem names its field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The CRM did not answer */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "from": "2026-03-02T00:00:00+02:00",
                 *       "to": "2026-03-08T23:59:59+02:00",
                 *       "project": {
                 *         "matrix": {
                 *           "incoming.missed": [
                 *             "create_contact",
                 *             "create_deal"
                 *           ]
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ReplayRequest"];
            };
        };
        responses: {
            /** @description NDJSON: the calls that would differ, then the totals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["ReplayLine"];
                };
            };
            /** @description Bad body or range (to before from, more than 31 days); each problem names its field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (or another project's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An invalid candidate (each problem names its field), more events than one replay takes, or events in the range decided before their context was kept (`replay-refused`, the detail says which) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    routeCall: {
        parameters: {
            query: {
                /** @description The caller's phone, any format */
                caller: string;
            };
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Match or no match */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "match": true,
                     *       "employee": {
                     *         "id": "e2",
                     *         "name": "Petro",
                     *         "extension": "101",
                     *         "sipLogins": [
                     *           "petro"
                     *         ],
                     *         "phones": []
                     *       },
                     *       "record": {
                     *         "entity": "deals",
                     *         "id": "55"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Route"];
                };
            };
            /** @description No caller */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong token, bad signature or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown project (API keys only) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ingestEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "eventId": "m1-start",
                 *         "type": "call.started",
                 *         "at": "2026-05-04T09:00:00+03:00",
                 *         "callId": "m1",
                 *         "direction": "incoming",
                 *         "from": "+380671234567",
                 *         "to": "+380441112233"
                 *       },
                 *       {
                 *         "eventId": "m1-end",
                 *         "type": "call.ended",
                 *         "at": "2026-05-04T09:00:40+03:00",
                 *         "callId": "m1",
                 *         "disposition": "missed",
                 *         "durationSec": 40,
                 *         "talkSec": 0
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["Events"];
            };
        };
        responses: {
            /** @description Stored */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "accepted": 2,
                     *       "duplicates": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description The body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong token, bad signature or unknown project */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON content */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not valid events; each problem names its field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:callmatrix:invalid-events",
                     *       "title": "Invalid events",
                     *       "status": 422,
                     *       "detail": "1 problem",
                     *       "problems": [
                     *         {
                     *           "path": "[0].from",
                     *           "message": "expected a non-empty string"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the project ingest rate (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store cannot commit; nothing was accepted (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    twilioCallback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TwilioStatusCallback"] | components["schemas"]["TwilioDialAction"] | components["schemas"]["TwilioRecordingCallback"];
            };
        };
        responses: {
            /** @description Empty TwiML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description Bad signature, or a project without this platform's settings */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The platform's fields are not valid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the project ingest rate (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store cannot commit; nothing was accepted (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    zadarmaEcho: {
        parameters: {
            query: {
                /** @description The value to answer */
                zd_echo: string;
            };
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The echo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description No zd_echo */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    zadarmaNotify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project id
                 * @example acme
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["ZadarmaNotification"];
            };
        };
        responses: {
            /** @description Accepted, empty body */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Bad signature, or a project without this platform's settings */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The platform's fields are not valid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the project ingest rate (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store cannot commit; nothing was accepted (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ready";
                        /** @enum {string} */
                        store: "sqlite" | "postgres";
                    };
                };
            };
            /** @description Not ready */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    getProjectJsonSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Schema draft 2020-12 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    getEventsJsonSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Schema draft 2020-12 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    getApiDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
}
