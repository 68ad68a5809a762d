export const id = 727;
export const ids = [727];
export const modules = {

/***/ 9727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
;// CONCATENATED MODULE: ./src/platform/context.ts
// The workflow run this step belongs to, from @actions/github. Loaded on first use, after
// the first request is on the wire: the package brings Octokit, which the action does not need
// before it writes.
async function loadRunContext(env = process.env) {
    try {
        const { context } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
        // context.repo throws without GITHUB_REPOSITORY (a run outside Actions).
        const repository = env.GITHUB_REPOSITORY ? `${context.repo.owner}/${context.repo.repo}` : undefined;
        const workflow = context.workflow || undefined;
        const attempt = context.runAttempt > 1 ? `/attempts/${context.runAttempt}` : '';
        const runUrl = repository !== undefined && context.runId ? `${context.serverUrl}/${repository}/actions/runs/${context.runId}${attempt}` : undefined;
        return {
            ...(repository !== undefined && { repository }),
            ...(workflow !== undefined && { workflow }),
            ...(runUrl !== undefined && { runUrl }),
            ...(context.runId > 0 && { runId: context.runId }),
            ...(context.runAttempt > 0 && { runAttempt: context.runAttempt })
        };
    }
    catch {
        // The context only decorates the description and summary; it never fails a run.
        return {};
    }
}
/** The contract's default description: it tells a person in the Platform UI which workflow owns the connection. */
function defaultDescription(ctx) {
    return `Managed by GitHub Actions: ${ctx.repository ?? 'a run outside GitHub Actions'}, workflow ${ctx.workflow ?? '(none)'}`;
}

;// CONCATENATED MODULE: ./src/platform/json.ts
// Narrowing of parsed JSON: responses are `unknown` until checked.
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/platform/retry.ts
// The retry policy shared by every HTTP call: what is worth another attempt, and how long
// to wait first. Pure functions plus an injectable clock, so tests never wait for real.
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};
const DEFAULT_RETRY_POLICY = { baseDelayMs: 500, maxDelayMs: 15_000 };
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
// Failures of the connection itself: the request may be sent again. DNS failures other than
// EAI_AGAIN are configuration mistakes and would only fail again.
const RETRYABLE_NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENETDOWN',
    'EAI_AGAIN',
    'ERR_STREAM_PREMATURE_CLOSE'
]);
function isRetryableStatus(status) {
    return RETRYABLE_STATUSES.has(status);
}
function isRetryableNetworkError(error) {
    if (error.code !== undefined)
        return RETRYABLE_NETWORK_CODES.has(error.code);
    // Node reports some hang-ups without a code.
    return /socket hang up|aborted/i.test(error.message);
}
/** Full jitter: uniformly random in [0, min(maxDelay, base * 2^(attempt-1))]. */
function backoffDelay(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * ceiling);
}
/** Retry-After in delta-seconds or as an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
function parseRetryAfter(value, nowMs) {
    if (value === undefined)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    if (!/[a-z]/i.test(trimmed))
        return undefined;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
/**
 * Whether attempt number `attempt` (1-based) may be followed by another, and after how long.
 * The wait honours Retry-After but never reaches the deadline: a retry that could not even be
 * sent in time is not worth waiting for.
 */
function decideRetry(input) {
    const { attempt, policy, remainingMs } = input;
    if (attempt >= policy.maxAttempts) {
        return { retry: false, reason: policy.maxAttempts === 1 ? 'max-attempts is 1' : `all ${policy.maxAttempts} attempts used` };
    }
    const delayMs = input.retryAfterMs ?? backoffDelay(attempt, policy, input.random);
    if (delayMs >= remainingMs) {
        const wait = input.retryAfterMs !== undefined
            ? `the server asked to wait ${formatSeconds(delayMs)}`
            : `the next backoff is ${formatSeconds(delayMs)}`;
        return { retry: false, reason: `${wait}, beyond the ${formatSeconds(remainingMs)} left before timeout-seconds` };
    }
    return { retry: true, delayMs };
}
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
/** The one budget of the whole step (timeout-seconds): every wait and every request is cut to what is left. */
class Deadline {
    totalMs;
    clock;
    budget;
    endsAt;
    constructor(
    /** The step's whole budget, as the inputs gave it (what a timeout message names). */
    totalMs, clock = systemClock, endsAt, 
    /** Which inputs make the budget: 'timeout-seconds', or 'timeout-seconds + wait-seconds'. */
    budget = 'timeout-seconds') {
        this.totalMs = totalMs;
        this.clock = clock;
        this.budget = budget;
        this.endsAt = endsAt ?? clock.now() + totalMs;
    }
    remainingMs() {
        return Math.max(0, this.endsAt - this.clock.now());
    }
    /**
     * The same budget less `reserveMs` at its end: the work runs under it, so that the clean-up
     * after a failure or a timeout (deleting what the run made) still has time within the step's.
     */
    withReserve(reserveMs) {
        return new Deadline(this.totalMs, this.clock, this.endsAt - reserveMs, this.budget);
    }
}

;// CONCATENATED MODULE: ./src/platform/text.ts
// Free text from a server (messages, codes, titles, names in listings) is untrusted: it may hold
// a newline followed by `::error::`, which the runner would run as a workflow command, or
// markup meant to break out of a job summary table. Every action prints such text through
// these two functions only.
// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional
// overrides that can make a log line read differently from what it holds.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** Default cap for one value in a log line: long enough for any message Adobe documents. */
const MAX_LOGGED_CHARS = 500;
/**
 * The value on one line, each control character shown as an escape (`\n`, `\u001b`), cut to
 * `max` characters with an ellipsis. Cutting comes last: the caller redacts secrets first.
 */
function oneLine(value, max = MAX_LOGGED_CHARS) {
    const flat = value.replace(UNSAFE, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return flat.length > max ? `${flat.slice(0, Math.max(0, max - 1))}…` : flat;
}
/**
 * A value for an HTML cell of the job summary: one line, markup escaped. The summary is
 * Markdown, in which a blank line ends an HTML block; a value can therefore never be allowed
 * a line break, or whatever follows it would be rendered as Markdown of the server's choosing.
 */
function summaryText(value, max = MAX_LOGGED_CHARS) {
    return escapeHtml(oneLine(value, max));
}
function escapeHtml(value) {
    return value.replace(/[&<>"'`|[\]\\*_]/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** A JSON-quoted value for a message: quotes make its ends visible, oneLine keeps it on the line. */
function text_quoted(value, max = MAX_LOGGED_CHARS) {
    return `"${oneLine(value, max).replace(/"/g, '\\"')}"`;
}

;// CONCATENATED MODULE: ./src/platform/errors.ts
// Adobe answers errors in three shapes (Flow Service, API gateway, generic) and IMS in a
// fourth; this turns any of them into one readable sentence with status, code and request id.
// Every part that came from the server is printed through oneLine: it cannot start a line.



// Errors are recognised by shape, not instanceof: Node's own errors can come from another realm
// (a test runner's VM context), where instanceof Error is false.
function isErrorLike(value) {
    return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string';
}
/** Any thrown value as an Error, its errno code kept. */
function toError(value) {
    return isErrorLike(value) ? value : new Error(String(value));
}
function errorMessage(value) {
    return toError(value).message;
}
function errorStack(value) {
    return isErrorLike(value) ? value.stack : undefined;
}
function str(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
/** Longest raw (non-JSON) error body quoted in a message. */
const RAW_BODY_CHARS = 300;
/**
 * Reads whichever of Adobe's error shapes the body holds; falls back to the raw text. The body
 * must already be redacted: the fallback cuts it, and a cut must never split a secret.
 */
function decodeAdobeError(body, requestIdHeader) {
    let json;
    try {
        json = JSON.parse(body);
    }
    catch {
        json = undefined;
    }
    const fromBody = isObject(json) ? decodeShape(json) : { message: str(oneLine(body, RAW_BODY_CHARS)) };
    const requestId = fromBody.requestId ?? str(requestIdHeader);
    return {
        ...(fromBody.code !== undefined && { code: fromBody.code }),
        ...(fromBody.message !== undefined && { message: fromBody.message }),
        ...(requestId !== undefined && { requestId })
    };
}
function decodeShape(json) {
    const report = isObject(json.report) ? json.report : {};
    const requestId = str(report['request-id']) ?? str(json['request-id']) ?? str(json.requestId);
    const withId = (e) => (requestId !== undefined ? { ...e, requestId } : e);
    // Flow Service: {"type": ".../errors/FLOW-1415-400", "title", "report": {"detailed-message"}, "errorMessage"}
    const type = str(json.type);
    // Only the end is searched: the pattern, anchored at the end, backtracks over a long type.
    const flowCode = type?.slice(-48).match(/([A-Z]+-\d+-\d{3})$/)?.[1];
    if (flowCode !== undefined || isObject(json.report)) {
        const message = str(report['detailed-message']) ?? str(json.errorMessage) ?? str(json.title) ?? str(json.detail);
        return withId({ ...(flowCode !== undefined && { code: flowCode }), ...(message !== undefined && { message }) });
    }
    // API gateway: {"error_code": "401013", "message": "Oauth token is not valid"}
    const gatewayCode = str(json.error_code) ?? (typeof json.error_code === 'number' ? String(json.error_code) : undefined);
    if (gatewayCode !== undefined) {
        const message = str(json.message);
        return withId({ code: gatewayCode, ...(message !== undefined && { message }) });
    }
    // IMS: {"error": "invalid_client", "error_description": "invalid client_secret parameter"}
    const imsCode = str(json.error);
    if (imsCode !== undefined) {
        const message = str(json.error_description);
        return withId({ code: imsCode, ...(message !== undefined && { message }) });
    }
    // Generic: {"type", "status", "title": "BadRequestError", "detail": "A valid content-type must be specified"}
    const title = str(json.title);
    const detail = str(json.detail) ?? str(json.message);
    const code = title !== undefined && /^[A-Za-z]+$/.test(title) ? title : undefined;
    const message = detail ?? title;
    return withId({ ...(code !== undefined && { code }), ...(message !== undefined && { message }) });
}
/** What to do about the errors every action meets: credentials, organization, sandbox, permissions. */
const SESSION_HINTS = {
    '401013': "the access token is not valid or has expired; check 'client-id'/'client-secret', or mint a fresh 'access-token'",
    '403010': 'no access token was sent',
    '403000': "the API key is missing; check 'client-id'",
    '403003': "the API key is not valid; check 'client-id' (the Client ID of the Developer Console project)",
    '429050': 'Adobe is throttling this integration; retry later',
    'FLOW-2001-401': "check 'ims-org-id'",
    'FLOW-2002-401': "check 'ims-org-id'",
    'FLOW-2121-403': "the organization does not match the credentials; check 'ims-org-id'",
    'FLOW-2105-400': "check 'sandbox-name'",
    'FLOW-2100-404': "no such sandbox; check 'sandbox-name'",
    'FLOW-2118-403': 'the Developer Console project lacks the Sources permission for this sandbox',
    'FLOW-2120-403': 'the Developer Console project lacks the Sources permission for this sandbox',
    invalid_client: "check 'client-id' and 'client-secret'",
    invalid_scope: "check 'scopes' against the APIs of the Developer Console project"
};
/** The proxy refused the run's credentials: retrying cannot help, and the fix is in HTTPS_PROXY. */
const PROXY_REFUSED_HINT = 'the proxy refused the credentials (407 Proxy Authentication Required); check the user and password in HTTPS_PROXY (or HTTP_PROXY), or whether NO_PROXY should cover this host';
const TLS_TRUST_ERROR = /SELF_SIGNED|UNABLE_TO_(GET_ISSUER|VERIFY_LEAF)|CERT_UNTRUSTED|unable to verify/i;
function hintFor(d) {
    const code = d.adobe?.code;
    const hint = code !== undefined ? (d.hints?.[code] ?? SESSION_HINTS[code]) : undefined;
    if (d.status === 407)
        return ` Hint: ${PROXY_REFUSED_HINT}.`;
    if (hint !== undefined)
        return ` Hint: ${hint}.`;
    const { networkError } = d;
    if (networkError !== undefined && TLS_TRUST_ERROR.test(networkError)) {
        return ' Hint: the server certificate is not trusted; behind a TLS-inspecting proxy or a private CA, set NODE_EXTRA_CA_CERTS to its CA file.';
    }
    return '';
}
/** A request that failed for good: a non-retryable answer, or retries exhausted. */
class ApiError extends Error {
    details;
    constructor(details) {
        super(formatApiError(details));
        this.name = 'ApiError';
        this.details = details;
    }
    get status() {
        return this.details.status;
    }
    get code() {
        return this.details.adobe?.code;
    }
}
function formatApiError(d) {
    const what = requestName(d.service, d.label);
    const tries = d.attempts > 1 ? ` after ${d.attempts} attempts in ${formatSeconds(d.elapsedMs)}` : '';
    const networkError = d.networkError !== undefined ? oneLine(d.networkError) : undefined;
    const cause = d.status !== undefined
        ? `HTTP ${d.status}${networkError !== undefined ? ` (${networkError})` : ''}`
        : `network error: ${networkError ?? 'no answer'}`;
    const adobe = d.adobe ?? {};
    const code = adobe.code !== undefined ? ` ${oneLine(adobe.code, 60)}` : '';
    const message = adobe.message !== undefined ? `: ${oneLine(adobe.message)}` : '';
    const requestId = adobe.requestId !== undefined ? ` (request id ${oneLine(adobe.requestId, 100)})` : '';
    const hint = hintFor(d);
    const gaveUp = d.gaveUp !== undefined ? ` Gave up: ${d.gaveUp}.` : '';
    return `${what} failed${tries}: ${cause}${code}${message}${requestId}.${hint}${gaveUp}`;
}
/** The whole step ran out of `timeout-seconds`. */
class TimeoutError extends Error {
    constructor(timeoutMs, waitingFor, attempt, maxAttempts, note, budget = 'timeout-seconds') {
        super(`Timed out after ${formatSeconds(timeoutMs)} (${budget}) waiting for ${waitingFor} (attempt ${attempt} of ${maxAttempts}). ` +
            (note !== undefined ? `${note} ` : '') +
            'Raise timeout-seconds, or check that the service is reachable from the runner.');
        this.name = 'TimeoutError';
    }
}
/** The service answered 2xx with something this client cannot use. */
class errors_UnexpectedResponseError extends Error {
    constructor(service, label, problem) {
        super(`${requestName(service, label)} returned an unexpected response: ${problem}.`);
        this.name = 'UnexpectedResponseError';
    }
}
/** How a request is named in messages: 'IMS token request', 'Flow Service POST /connections'. */
function requestName(service, label) {
    return service === 'IMS' ? 'IMS token request' : `${service} ${label}`;
}
/** The job was cancelled while the step ran: the work stopped, and the clean-up of what it made (if anything) ran. */
class CancelledError extends Error {
    constructor() {
        super('Cancelled: the runner stopped the step (the job was cancelled or timed out). Whatever this run made was deleted; a warning above names anything that could not be.');
        this.name = 'CancelledError';
    }
}

;// CONCATENATED MODULE: ./src/platform/explore.ts
// Listing what a base connection sees (Flow Service's explore): the connection action's
// verification and the explore action both read it. Entries are server values: checked here,
// printed elsewhere through oneLine and the summary's escaping.


const EXPLORE_LABEL = 'GET /connections/{id}/explore';
/** Lists the root, or the folder at `folder` (a path as a listing gave it). */
function listCall(connectionId, folder) {
    const query = folder === undefined ? 'objectType=root' : `objectType=folder&object=${encodeURIComponent(folder)}`;
    return {
        service: 'Flow Service',
        method: 'GET',
        path: `/connections/${encodeURIComponent(connectionId)}/explore?${query}`,
        label: EXPLORE_LABEL
    };
}
/** Longest name or path kept from a listing: S3 keys are at most 1024 bytes. */
const MAX_PATH = 2048;
function readListing(json) {
    if (!Array.isArray(json))
        throw new errors_UnexpectedResponseError('Flow Service', EXPLORE_LABEL, 'the listing is not a JSON array');
    return json.flatMap((value) => {
        if (!isObject(value) || typeof value.type !== 'string' || typeof value.name !== 'string')
            return [];
        const path = typeof value.path === 'string' ? value.path : value.name;
        if (value.name.length > MAX_PATH || path.length > MAX_PATH)
            return [];
        return [
            {
                type: value.type.toLowerCase(),
                name: value.name,
                path,
                ...(typeof value.canPreview === 'boolean' && { canPreview: value.canPreview })
            }
        ];
    });
}

;// CONCATENATED MODULE: ./src/platform/api.ts
// Requests to Platform's services, described as data first. An action's request builders are
// pure functions returning Calls; the same Call is what a real run sends and what a dry run
// prints, so the two can never disagree.
/** The Call as it goes on the wire, with Adobe's headers. */
function toRequest(call, target, accessToken) {
    return {
        service: call.service,
        method: call.method,
        url: `${target.baseUrls[call.service]}${call.path}`,
        label: call.label,
        headers: {
            Authorization: `Bearer ${accessToken}`,
            'x-api-key': target.clientId,
            'x-gw-ims-org-id': target.imsOrgId,
            'x-sandbox-name': target.sandboxName,
            ...(call.body !== undefined && { 'Content-Type': 'application/json' }),
            ...(call.ifMatch !== undefined && { 'If-Match': call.ifMatch })
        },
        ...(call.body !== undefined && { body: JSON.stringify(call.body) }),
        ...(call.accept !== undefined && { accept: call.accept })
    };
}
/** The Call as a dry run prints it: the request line, the headers (no token) and the pretty body. */
function describeCall(call, target) {
    const req = toRequest(call, target, '***');
    const headers = Object.entries(req.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
    const body = call.body === undefined ? [] : ['', ...JSON.stringify(call.body, null, 2).split('\n')];
    return [`${req.method} ${req.url}`, ...headers, ...body];
}
/** Sends Calls for one session: the token is fixed once obtained. */
class PlatformApi {
    transport;
    target;
    accessToken;
    constructor(transport, target, accessToken) {
        this.transport = transport;
        this.target = target;
        this.accessToken = accessToken;
    }
    send(call) {
        return this.transport.request(toRequest(call, this.target, this.accessToken));
    }
    /** For a create: `recover` is asked, after an attempt with an unknown outcome, whether it took effect. */
    sendOrRecover(call, recover) {
        return this.transport.requestOrRecover(toRequest(call, this.target, this.accessToken), recover);
    }
    remainingMs() {
        return this.transport.remainingMs();
    }
    /** The same session over another transport (the clean-up's, under the whole step's deadline). */
    over(transport) {
        return new PlatformApi(transport, this.target, this.accessToken);
    }
}

;// CONCATENATED MODULE: ./src/platform/ims.ts
// OAuth Server-to-Server: one client-credentials exchange with IMS per run (Adobe throttles
// integrations that mint too many tokens).


const TOKEN_PATH = '/ims/token/v3';
const LABEL = `POST ${TOKEN_PATH}`;
/** The token request as it goes on the wire (a dry run prints it, secret redacted). */
function tokenRequest(request) {
    return {
        service: 'IMS',
        method: 'POST',
        url: `${request.imsUrl}${TOKEN_PATH}`,
        label: LABEL,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: request.clientId,
            client_secret: request.clientSecret,
            scope: request.scopes
        }).toString()
    };
}
/** Gets an access token and masks it before anything else can see it. */
async function fetchAccessToken(transport, request, secrets) {
    const label = LABEL;
    const res = await transport.request(tokenRequest(request));
    const token = isObject(res.json) ? res.json.access_token : undefined;
    // It goes into a header of every later request: one token of printable characters, no more.
    if (typeof token !== 'string' || !/^[\x21-\x7e]{1,16384}$/.test(token)) {
        throw new errors_UnexpectedResponseError('IMS', label, 'no usable "access_token" in the answer');
    }
    secrets.add(token);
    return token;
}

;// CONCATENATED MODULE: ./src/platform/secrets.ts
// Masking and redaction. Every secret is registered with the runner (core.setSecret) before
// anything can print it, in the encodings a server is likely to echo it in; and every message
// the actions write is redacted on top, by a pattern that recognises the secret in any mixture
// of those encodings, so that a secret echoed back in a form the runner does not know is still
// never printed.
/** Secret inputs shorter than this are refused: masking a short value garbles every log line. */
const MIN_SECRET_LENGTH = 8;
const MASK = '***';
class Secrets {
    setSecret;
    registered = new Set();
    patterns = [];
    constructor(setSecret) {
        this.setSecret = setSecret;
    }
    /** Registers a secret with the runner, with its encoded forms and each of its lines. */
    add(secret) {
        if (secret === undefined || secret.trim() === '' || this.registered.has(secret))
            return;
        this.registered.add(secret);
        const values = [secret, ...secret.split(/\r?\n/).flatMap((line) => [line, line.trim()])].filter((value, index) => index === 0 || value.length >= MIN_SECRET_LENGTH);
        for (const value of new Set(values)) {
            for (const form of runnerForms(value)) {
                // Derived forms that short would mask ordinary words; the secret itself is always masked.
                if (form === secret || form.length >= MIN_SECRET_LENGTH)
                    this.setSecret(form);
            }
            this.patterns.push({ length: value.length, pattern: redactionPattern(value) });
        }
        // Longest first, so that no fragment of a longer secret survives a shorter one's match.
        this.patterns = [...this.patterns].sort((a, b) => b.length - a.length);
    }
    /** Replaces every secret, in any encoding listed above, with ***. Redact before any cut. */
    redact(text) {
        let out = text;
        for (const { pattern } of this.patterns)
            out = out.replace(pattern, MASK);
        return out;
    }
}
/** The exact strings registered with the runner, which masks only literal matches. */
function runnerForms(secret) {
    const json = JSON.stringify(secret).slice(1, -1);
    const percent = encodeURIComponent(secret);
    return new Set([
        secret,
        json,
        json.replace(/\//g, '\\/'),
        percent,
        percent.replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase()),
        new URLSearchParams({ s: secret }).toString().slice(2),
        secret.replace(/[&<>"']/g, (c) => HTML_NAMED[c] ?? c),
        ...base64Cores(secret)
    ]);
}
const HTML_NAMED = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const JSON_SHORT = {
    '"': '\\"',
    '\\': '\\\\',
    '/': '\\/',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\b': '\\b',
    '\f': '\\f'
};
/**
 * One pattern for the secret written in any mixture of: itself, JSON escapes (`\/`, `\"`,
 * `\u002b` in either case), percent-encoding (either case), form encoding (`+` for a space) and
 * HTML character references (`&#43;`, `&#x2B;`, `&amp;`); or as base64 (standard or URL alphabet,
 * at any alignment inside a longer base64 text).
 */
function redactionPattern(secret) {
    const perCharacter = Array.from(secret)
        .map((c) => `(?:${characterForms(c).join('|')})`)
        .join('');
    const base64 = [...base64Cores(secret)].filter((core) => core.length >= MIN_SECRET_LENGTH).map(escapeRegExp);
    return new RegExp([perCharacter, ...base64].join('|'), 'g');
}
function characterForms(c) {
    const code = c.codePointAt(0) ?? 0;
    const forms = [escapeRegExp(c)];
    const bytes = [...Buffer.from(c, 'utf8')];
    forms.push(bytes.map((b) => `%${hexEitherCase(b, 2)}`).join(''));
    if (c === ' ')
        forms.push('\\+');
    const short = JSON_SHORT[c];
    if (short !== undefined)
        forms.push(escapeRegExp(short));
    // \uXXXX for each UTF-16 code unit (a surrogate pair for characters beyond the BMP).
    forms.push(Array.from({ length: c.length }, (_, i) => `\\\\u${hexEitherCase(c.charCodeAt(i), 4)}`).join(''));
    forms.push(`&#0*${code};`, `&#[xX]0*${hexEitherCase(code, 1)};`);
    const named = HTML_NAMED[c];
    if (named !== undefined)
        forms.push(escapeRegExp(named));
    return forms;
}
/** `0x2b` as `2[bB]`: hexadecimal digits that match upper and lower case, padded to `width`. */
function hexEitherCase(value, width) {
    return value
        .toString(16)
        .padStart(width, '0')
        .split('')
        .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
        .join('');
}
/**
 * The base64 characters that depend on the secret alone, at each of the three alignments the
 * secret can have inside longer base64 text (such as `Basic base64(user:secret)`), in the
 * standard and the URL-safe alphabets.
 */
function base64Cores(secret) {
    const bytes = Buffer.from(secret, 'utf8');
    const cores = new Set();
    for (const offset of [0, 1, 2]) {
        const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
        const start = [0, 2, 3][offset] ?? 0;
        const end = 4 * Math.floor((offset + bytes.length) / 3);
        const core = encoded.slice(start, end);
        if (core.length === 0)
            continue;
        cores.add(core);
        cores.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    // The whole value, padding included, as most servers would write it.
    cores.add(bytes.toString('base64'));
    cores.add(bytes.toString('base64url'));
    return cores;
}
function escapeRegExp(value) {
    return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./src/platform/transport/body.ts
// Reading an answer's body: bounded in size, linear in time (chunks are joined once), and
// settled the moment the socket closes early, so that a body cut short is retried at once
// instead of waiting for the step's deadline.
/** Far above any answer Adobe documents (a page of 100 connections is about 100 KB). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
class BodyTooLargeError extends Error {
    bytes;
    limit;
    constructor(bytes, limit) {
        super(`the answer is larger than ${formatBytes(limit)} (${bytes === Infinity ? 'more' : formatBytes(bytes)}), far beyond any documented answer`);
        this.bytes = bytes;
        this.limit = limit;
        this.name = 'BodyTooLargeError';
    }
}
/** The socket closed before the body was complete (the status line and headers did arrive). */
class PrematureCloseError extends Error {
    code = 'ERR_STREAM_PREMATURE_CLOSE';
    constructor(received) {
        super(`the connection closed after ${formatBytes(received)} of the answer's body, before its end`);
        this.name = 'PrematureCloseError';
    }
}
function readBody(message, limit = MAX_BODY_BYTES) {
    return new Promise((resolve, reject) => {
        const declared = Number(message.headers['content-length']);
        if (Number.isFinite(declared) && declared > limit) {
            message.destroy();
            reject(new BodyTooLargeError(declared, limit));
            return;
        }
        const chunks = [];
        let size = 0;
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size <= limit) {
                chunks.push(chunk);
                return;
            }
            message.destroy();
            reject(new BodyTooLargeError(size, limit));
        });
        message.on('end', () => resolve(Buffer.concat(chunks, size)));
        // Node reports a body cut short as 'aborted' (ECONNRESET) or only as a close before the end.
        message.on('error', () => reject(new PrematureCloseError(size)));
        message.on('close', () => {
            if (!message.complete)
                reject(new PrematureCloseError(size));
        });
    });
}
function formatBytes(bytes) {
    if (bytes >= 1024 * 1024)
        return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
    if (bytes >= 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${bytes} bytes`;
}

;// CONCATENATED MODULE: ./src/platform/transport/attempt.ts
// One attempt of a request: sent on the origin's agent, its answer read in full (bounded), all
// under the time the step has left. Whatever happens, it settles with one Exchange.




function attempt(agent, req, timeoutMs, maxBodyBytes, signal) {
    return new Promise((resolve) => {
        const send = req.url.protocol === 'https:' ? (external_node_https_default()).request : (external_node_http_default()).request;
        const headers = { ...req.headers, ...(req.body !== undefined && { 'content-length': String(Buffer.byteLength(req.body)) }) };
        const request = send(req.url, { method: req.method, headers, agent, ...(signal !== undefined && { signal }) });
        let settled = false;
        const settle = (exchange) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            resolve(exchange);
        };
        // Cut off when the step's time is up: destroying the request frees its socket, so nothing
        // is left to keep the process alive.
        const timer = setTimeout(() => {
            settle({ kind: 'expired' });
            request.destroy();
        }, timeoutMs);
        request.on('error', (error) => settle({ kind: 'no-answer', error: toError(error) }));
        request.on('response', (message) => {
            const status = message.statusCode ?? 0;
            readBody(message, maxBodyBytes).then((body) => settle({ kind: 'answer', status, headers: message.headers, body: body.toString('utf8') }), (error) => settle(error instanceof BodyTooLargeError ? { kind: 'too-large', status, error } : { kind: 'no-answer', error: toError(error) }));
        });
        request.end(req.body);
    });
}

;// CONCATENATED MODULE: ./src/platform/transport/classify.ts
// What an attempt's outcome means: a usable answer, or a failure that may be retried and that
// may have taken effect. Pure: the retry loop decides what to do with it.


// The tunnelling agent reports a proxy's refusal of the CONNECT as an error, not as an answer.
const PROXY_REFUSED = /statusCode=407/;
/**
 * `redact` is applied to every body before anything reads it, so that no later cut (of an error
 * message, say) can split a secret the server echoed.
 */
function classify(exchange, expect, nowMs, redact) {
    if (exchange.kind === 'no-answer')
        return noAnswer(exchange.error);
    if (exchange.kind === 'too-large') {
        // Reading on would only exhaust memory; sending again would get the same.
        return { status: exchange.status, networkError: exchange.error.message, retryable: false, uncertain: isSuccess(exchange.status) };
    }
    const { status, headers } = exchange;
    const body = redact(exchange.body);
    if (isSuccess(status) || expect.accept?.includes(status)) {
        try {
            return { status, headers, json: body.trim() === '' ? undefined : JSON.parse(body) };
        }
        catch {
            // An accepted error status speaks through its status alone, whatever its body.
            if (!isSuccess(status))
                return { status, headers, json: undefined };
            // A 2xx mangled on the way: as good as no answer.
            return { status, networkError: 'the response body is not valid JSON', retryable: true, uncertain: true };
        }
    }
    const retryAfterMs = parseRetryAfter(single(headers['retry-after']), nowMs);
    // Redacted whole, before any cut: a header may echo a secret as well as a body.
    const requestId = single(headers['x-request-id']);
    return {
        status,
        adobe: decodeAdobeError(body, requestId === undefined ? undefined : redact(requestId)),
        // 407: the proxy refused the run's credentials; asking again cannot change that.
        retryable: status !== 407 && isRetryableStatus(status),
        // A 429 was refused at the door; a 5xx may have been processed before it failed.
        uncertain: status >= 500,
        ...(retryAfterMs !== undefined && { retryAfterMs })
    };
}
function noAnswer(error) {
    if (PROXY_REFUSED.test(error.message)) {
        return { status: 407, networkError: 'the proxy refused the CONNECT request', retryable: false, uncertain: false };
    }
    const { code } = error;
    return {
        networkError: code !== undefined && !error.message.includes(code) ? `${code} (${error.message})` : error.message,
        retryable: isRetryableNetworkError(error),
        // A refused connection proves nothing was sent.
        uncertain: code !== 'ECONNREFUSED'
    };
}
function isAnswer(outcome) {
    return 'json' in outcome;
}
function isSuccess(status) {
    return status >= 200 && status < 300;
}
function single(value) {
    return Array.isArray(value) ? value[0] : value;
}

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js
var lib = __webpack_require__(2779);
// EXTERNAL MODULE: ./src/platform/url-rules.ts
var url_rules = __webpack_require__(5580);
// EXTERNAL MODULE: ./src/platform/transport/warm-up.ts
var warm_up = __webpack_require__(3892);
;// CONCATENATED MODULE: ./src/platform/transport/pool.ts
// One keep-alive agent per origin. @actions/http-client makes the agents (a plain keep-alive
// agent, or a tunnelling one when the proxy rule says so); requests go out on them one by one.



class Pool {
    userAgent;
    clients = new Map();
    constructor(userAgent) {
        this.userAgent = userAgent;
    }
    /** The origin's agent; its first request takes the origin's spare connection, if one was opened. */
    agentFor(url) {
        const known = this.clients.get(url.origin);
        if (known !== undefined)
            return known.agent;
        // One client per origin: an HttpClient keeps one agent, made for the scheme of its first URL.
        const client = new lib/* HttpClient */.Qq(this.userAgent, [], { keepAlive: true });
        const agent = client.getAgent(url.href);
        // A tunnelling agent opens its own connection through the proxy, per request.
        if (!(0,url_rules/* isProxied */.S)(url))
            (0,warm_up/* handSpare */.RT)(agent, url);
        this.clients.set(url.origin, { client, agent });
        return agent;
    }
    /** Opens the origin's connection now, so that its handshake overlaps other work. */
    warmUp(url) {
        (0,warm_up/* warmUp */.lM)(url);
        this.agentFor(url);
    }
    /** Closes every connection, so that the process can exit as soon as the run is over. */
    close() {
        (0,warm_up/* releaseSpares */.Ik)();
        for (const { client } of this.clients.values())
            client.dispose();
        this.clients.clear();
    }
}

;// CONCATENATED MODULE: ./src/platform/transport/transport.ts
// The one place requests are made: retries with backoff, one deadline for the whole step, and
// error answers decoded. Everything above it sees typed answers or one ApiError / TimeoutError
// with a message a person can act on. Its parts: pool (one keep-alive agent per origin),
// attempt (one try under the deadline), classify (what the outcome means), retry (the policy).







class Transport {
    options;
    pool;
    clock;
    constructor(options, pool = new Pool(options.userAgent)) {
        this.options = options;
        this.pool = pool;
        this.clock = options.clock ?? systemClock;
    }
    /**
     * The same connections and settings under another deadline, and not cancellable: clean-up
     * runs under the whole step's deadline, after the work was cut off.
     */
    under(deadline) {
        return new Transport({ ...this.options, deadline, signal: undefined }, this.pool);
    }
    /** The same connections and settings, cancellable as ever, under another deadline: for a wait after the work. */
    until(deadline) {
        return new Transport({ ...this.options, deadline }, this.pool);
    }
    /** Sends a request, retrying what is retryable; fails with ApiError or TimeoutError. */
    request(req) {
        return this.send(req, (res) => res);
    }
    /**
     * For a request that is not idempotent (a create): when an attempt's outcome is unknown (no
     * answer, a 5xx, an unreadable 2xx), asks `recover` whether it took effect before sending again.
     */
    requestOrRecover(req, recover) {
        return this.send(req, (res) => res, async () => {
            const found = await recover();
            return found === undefined ? undefined : { recovered: found };
        });
    }
    /** Time left before this transport's deadline. */
    remainingMs() {
        return this.options.deadline.remainingMs();
    }
    /** Opens each origin's connection now, so that its handshake overlaps other work. */
    warmUp(...urls) {
        for (const url of urls)
            this.pool.warmUp(new URL(url));
    }
    close() {
        this.pool.close();
    }
    async send(req, onAnswer, recover) {
        const { policy, deadline } = this.options;
        const started = this.clock.now();
        for (let n = 1;; n++) {
            const outcome = await this.once(req, n, recover !== undefined);
            if (isAnswer(outcome))
                return onAnswer(outcome);
            const elapsedMs = this.clock.now() - started;
            this.options.debug?.(`${req.label}: attempt ${n} failed: ${describe(outcome)}`);
            const fail = (gaveUp) => this.failure(req, outcome, n, elapsedMs, gaveUp);
            if (!outcome.retryable) {
                // Not worth sending again, yet it may have taken effect (a 2xx whose body could not be
                // read): the caller learns of what it made rather than of a failure.
                const recovered = recover !== undefined && outcome.uncertain ? await this.tryRecover(recover, fail) : undefined;
                if (recovered !== undefined)
                    return recovered;
                throw fail();
            }
            const decision = decideRetry({
                attempt: n,
                policy,
                remainingMs: deadline.remainingMs(),
                ...(outcome.retryAfterMs !== undefined && { retryAfterMs: outcome.retryAfterMs }),
                ...(this.options.random !== undefined && { random: this.options.random })
            });
            if (decision.retry) {
                this.options.info?.(`${requestName(req.service, req.label)}: ${describe(outcome)}; retrying in ${formatSeconds(decision.delayMs)} (attempt ${n + 1} of ${policy.maxAttempts}).`);
                await this.sleep(decision.delayMs);
            }
            // Asked after the wait, not before: a create still being saved behind a 5xx has had time to show.
            if (recover !== undefined && outcome.uncertain) {
                const recovered = await this.tryRecover(recover, fail);
                if (recovered !== undefined)
                    return recovered;
            }
            if (!decision.retry)
                throw fail(decision.reason);
        }
    }
    /** One attempt under the time left; a timeout ends the whole request. */
    async once(req, n, mayTakeEffect) {
        const { deadline, policy } = this.options;
        const remaining = deadline.remainingMs();
        const timeout = () => new TimeoutError(deadline.totalMs, requestName(req.service, req.label), n, policy.maxAttempts, mayTakeEffect ? 'It may have taken effect even so.' : undefined, deadline.budget);
        if (remaining <= 0)
            throw timeout();
        this.throwIfCancelled();
        const url = new URL(req.url);
        const headers = { accept: 'application/json', 'user-agent': this.options.userAgent, ...req.headers };
        const wire = { method: req.method, url, headers, ...(req.body !== undefined && { body: req.body }) };
        const exchange = await attempt(this.pool.agentFor(url), wire, remaining, this.options.maxBodyBytes ?? MAX_BODY_BYTES, this.options.signal);
        if (exchange.kind === 'expired')
            throw timeout();
        this.throwIfCancelled();
        return classify(exchange, req, this.clock.now(), this.options.redact ?? ((text) => text));
    }
    /** A backoff wait that a cancellation cuts short. */
    async sleep(ms) {
        const { signal } = this.options;
        if (signal === undefined)
            return this.clock.sleep(ms);
        await new Promise((resolve) => {
            const done = () => {
                signal.removeEventListener('abort', done);
                resolve();
            };
            signal.addEventListener('abort', done, { once: true });
            void this.clock.sleep(ms).then(done);
        });
        this.throwIfCancelled();
    }
    throwIfCancelled() {
        if (this.options.signal?.aborted === true)
            throw new CancelledError();
    }
    async tryRecover(recover, fail) {
        try {
            return await recover();
        }
        catch (error) {
            // Without knowing whether the first attempt took effect, sending again could duplicate it.
            throw fail(`could not check whether the request took effect (${errorMessage(error)})`);
        }
    }
    failure(req, outcome, attempts, elapsedMs, gaveUp) {
        return new ApiError({
            service: req.service,
            label: req.label,
            attempts,
            elapsedMs,
            ...(outcome.status !== undefined && { status: outcome.status }),
            ...(outcome.adobe !== undefined && { adobe: outcome.adobe }),
            ...(outcome.networkError !== undefined && { networkError: outcome.networkError }),
            ...(gaveUp !== undefined && { gaveUp }),
            ...(this.options.hints !== undefined && { hints: this.options.hints })
        });
    }
}
/** One line for the log; every part that came from the server goes through oneLine. */
function describe(f) {
    const networkError = f.networkError !== undefined ? oneLine(f.networkError) : undefined;
    if (f.status === undefined)
        return `network error: ${networkError ?? 'no answer'}`;
    const code = f.adobe?.code !== undefined ? ` ${oneLine(f.adobe.code, 60)}` : '';
    return `HTTP ${f.status}${code}${networkError !== undefined ? ` (${networkError})` : ''}`;
}
function isRecovered(value) {
    return 'recovered' in value;
}

;// CONCATENATED MODULE: ./src/platform/runtime.ts
// What every action's main does around its own story: masks secrets before anything else,
// logs through redaction on one line, opens the session (transport, warm connections, token)
// and turns any error into one failure message.








/** Longest log line: far above any message of ours, short enough to stay readable. */
const MAX_LINE = 4000;
function createRuntime() {
    const secrets = new Secrets(core/* setSecret */.Pq);
    const line = (message) => oneLine(secrets.redact(message), MAX_LINE);
    return {
        secrets,
        info: (message) => core/* info */.pq(line(message)),
        debug: (message) => core/* debug */.Yz(line(message)),
        warning: (message) => core/* warning */.$e(line(message))
    };
}
/** Reads inputs from the runner, every secret one masked before validation can run. */
function runnerInputs(rt, secretInputs) {
    for (const name of secretInputs)
        rt.secrets.add(core/* getInput */.V4(name));
    // Untrimmed: the reader trims, except where a space or a tab is the value (a delimiter).
    return (name) => core/* getInput */.V4(name, { trimWhitespace: false });
}
/** Time kept back from the work for clean-up: min(5 s, a fifth of timeout-seconds). */
function cleanupReserveMs(totalMs) {
    return Math.min(5000, totalMs / 5);
}
/** Opens the session: one transport, warm connections, and the one access token of the run. */
async function connect(session, rt, options) {
    // timeout-seconds bounds the requests of the work; a wait has its own deadline (waiting()).
    const deadline = new Deadline(session.timeoutSeconds * 1000);
    const cancel = onCancel(rt, options.makesThings);
    const transport = new Transport({
        signal: cancel.signal,
        userAgent: options.userAgent,
        policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: session.maxAttempts },
        deadline: options.makesThings ? deadline.withReserve(cleanupReserveMs(deadline.totalMs)) : deadline,
        redact: (text) => rt.secrets.redact(text),
        ...(options.hints !== undefined && { hints: options.hints }),
        info: rt.info,
        debug: rt.debug
    });
    const close = () => {
        cancel.dispose();
        transport.close();
    };
    try {
        // The services' handshakes overlap the IMS request.
        const ims = session.credentials.kind === 'client-secret' ? [session.imsUrl] : [];
        transport.warmUp(...options.warm.map((service) => options.baseUrls[service]), ...ims);
        const token = session.credentials.kind === 'access-token'
            ? session.credentials.accessToken
            : await fetchAccessToken(transport, { imsUrl: session.imsUrl, clientId: session.clientId, clientSecret: session.credentials.clientSecret, scopes: session.scopes }, rt.secrets);
        const target = {
            clientId: session.clientId,
            imsOrgId: session.imsOrgId,
            sandboxName: session.sandboxName,
            baseUrls: options.baseUrls
        };
        const api = new PlatformApi(transport, target, token);
        const { wait } = options;
        const waiting = () => wait === undefined || wait.seconds === 0 ? api : api.over(transport.until(waitDeadline(session.timeoutSeconds, wait, deadline)));
        return { api, cleanup: api.over(transport.under(deadline)), waiting, close };
    }
    catch (error) {
        close();
        throw error;
    }
}
/** What the work's deadline has left, and the wait on top, from now: the step never runs past timeout-seconds + the wait. */
function waitDeadline(timeoutSeconds, wait, work) {
    const totalMs = (timeoutSeconds + wait.seconds) * 1000;
    return new Deadline(totalMs, systemClock, systemClock.now() + work.remainingMs() + wait.seconds * 1000, `timeout-seconds + ${wait.input}`);
}
/**
 * When the runner cancels the job (or the job's timeout-minutes ends), it sends SIGINT, then
 * SIGTERM some seconds later, then kills. The signal aborts the work; the clean-up that follows
 * (deleting what the run made) runs on, and the step then ends as failed.
 */
function onCancel(rt, makesThings) {
    const controller = new AbortController();
    const handler = (signal) => {
        rt.warning(`Received ${signal}: stopping${makesThings ? ', and deleting what this run made' : ''}.`);
        controller.abort();
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        }
    };
}
/** The step's one failure: its message redacted, the stack for debug logs only. */
function failStep(rt, error) {
    const message = rt.secrets.redact(errorMessage(error));
    const stack = errorStack(error);
    if (stack !== undefined)
        core/* debug */.Yz(oneLine(rt.secrets.redact(stack), MAX_LINE));
    core/* setFailed */.C1(message);
    return message;
}
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs))
        core/* setOutput */.uH(name, value);
}

;// CONCATENATED MODULE: ./src/platform/dry-run.ts
// What a dry run prints: each request a real run would send, numbered, with when it is sent.
// Requests come from the actions' own builders; the caller redacts secrets before printing.


class DryRunPlan {
    target;
    steps = [];
    constructor(target) {
        this.target = target;
    }
    /** The IMS request, when the run exchanges a client secret for a token. */
    token(session) {
        if (session.credentials.kind !== 'client-secret')
            return this;
        const ims = tokenRequest({
            imsUrl: session.imsUrl,
            clientId: session.clientId,
            clientSecret: session.credentials.clientSecret,
            scopes: session.scopes
        });
        return this.step('Get an access token (one per run)', [
            `${ims.method} ${ims.url}`,
            'Content-Type: application/x-www-form-urlencoded',
            '',
            ims.body ?? ''
        ]);
    }
    /** A request; placeholders such as {id} stand where a real run puts what the service answered. */
    call(when, call) {
        const [requestLine = '', ...rest] = describeCall(call, this.target);
        // Only the request line's own placeholders: '%7Bid%7D' in a path reads '{id}'. Anything else,
        // a description with '%7B' in it say, is printed as it would be sent.
        const shown = requestLine.replace(/%7B([A-Za-z](?:[\w-]|%20)*)%7D/g, (_, name) => `{${name.replace(/%20/g, ' ')}}`);
        return this.step(when, [shown, ...rest]);
    }
    /** A step that sends nothing (a decision). */
    note(when) {
        return this.step(when, []);
    }
    lines() {
        return ['Dry run: the inputs are valid. No token was requested and nothing was sent.', 'A real run would send:', ...this.steps.flat()];
    }
    step(when, lines) {
        this.steps.push([`${this.steps.length + 1}. ${when}`, ...lines.map((l) => `   ${l}`)]);
        return this;
    }
}
/** The target of a dry run: the session's caller, and where each service lives. */
function dryRunTarget(session, baseUrls) {
    return { clientId: session.clientId, imsOrgId: session.imsOrgId, sandboxName: session.sandboxName, baseUrls };
}

;// CONCATENATED MODULE: ./src/explore/requests.ts
// The explore action's requests, as pure descriptions shared by the real run and the dry run.


/** Reads a file's columns and sample rows through the connection. */
function previewCall(connectionId, file, format) {
    const query = new URLSearchParams({ objectType: 'file', object: file, fileType: format.fileType, preview: 'true' });
    if (format.columnDelimiter !== undefined)
        query.set('columnDelimiter', format.columnDelimiter);
    if (format.compressionType !== undefined)
        query.set('compressionType', format.compressionType);
    if (format.encoding !== undefined)
        query.set('encoding', format.encoding);
    // URLSearchParams writes a space as '+', which a service may read as a plus: spaces go as %20.
    return {
        service: 'Flow Service',
        method: 'GET',
        path: `/connections/${encodeURIComponent(connectionId)}/explore?${query.toString().replace(/\+/g, '%20')}`,
        label: EXPLORE_LABEL
    };
}
/** The folder that holds a file: '/bucket/daily/a.csv' is in '/bucket/daily/'. */
function folderOf(file) {
    const cut = file.lastIndexOf('/');
    return cut <= 0 ? undefined : file.slice(0, cut + 1);
}
/** What a run lists: the path, or with preview the file's folder; the root when undefined. */
function listedFolder(config) {
    return config.preview !== undefined ? folderOf(config.preview.file) : config.path;
}

;// CONCATENATED MODULE: ./src/explore/dry-run.ts
// dry-run: true prints the requests a real run would send (built by the same code), and sends nothing.


function describeDryRun(config) {
    const plan = new DryRunPlan(dryRunTarget(config.session, { 'Flow Service': config.flowServiceUrl, Catalog: '', 'Data Prep': '' })).token(config.session);
    const folder = listedFolder(config);
    const again = config.waitSeconds > 0
        ? `, then again with backoff for up to ${config.waitSeconds} s until an entry matches "${config.expect ?? ''}"`
        : '';
    plan.call(`List ${folder ?? 'the root'}${again}`, listCall(config.connectionId, folder));
    if (config.preview !== undefined)
        plan.call(`Preview ${config.preview.file}`, previewCall(config.connectionId, config.preview.file, config.preview.format));
    return plan.lines();
}

// EXTERNAL MODULE: ./src/platform/defaults.ts
var defaults = __webpack_require__(4069);
;// CONCATENATED MODULE: ./src/platform/input-reader.ts
// Reads inputs and validates them into typed values before any network call. Problems are
// collected, so that one run reports every bad input at once, each message naming its input and
// the fix. Pure apart from the injected `getInput`, so every rule is a plain unit test.



/** The longest name of a connection or dataflow: room is left for the suffix that names a verification probe. */
const MAX_NAME_LENGTH = 200;
/** The longest description Flow Service is given (an assumption: Adobe documents no limit). */
const MAX_DESCRIPTION_LENGTH = 1024;
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1 ? (problems[0] ?? '') : `Invalid inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}
// Header values cannot hold control characters; a pasted secret with a newline is a mistake.
const CONTROL = /[\u0000-\u001f\u007f]/;
const WHITESPACE = /\s/;
class InputReader {
    getInput;
    defaults;
    problems = [];
    constructor(getInput, 
    /** Each action's defaults, as its action.yml declares them (a test keeps the two equal). */
    defaults) {
        this.getInput = getInput;
        this.defaults = defaults;
    }
    raw(name) {
        return this.getInput(name).trim();
    }
    /** The input exactly as given, spaces and tabs included (a delimiter may be either). */
    getRaw(name) {
        return this.getInput(name).replace(/^\r?\n+|\r?\n+$/g, '');
    }
    optional(name) {
        const value = this.raw(name);
        return value === '' ? undefined : value;
    }
    withDefault(name) {
        return this.optional(name) ?? this.defaultOf(name);
    }
    required(name, hint) {
        const value = this.optional(name);
        if (value === undefined)
            this.fail(`Input '${name}' is required: ${hint}.`);
        return value ?? '';
    }
    /** Whether the workflow set the input to something other than its default. */
    isSet(name) {
        const value = this.raw(name);
        return value !== '' && value !== (this.defaults[name] ?? '');
    }
    /**
     * The name of what the run manages: required, one line, at most MAX_NAME_LENGTH characters.
     * `hint` says what it names; a later run finds it by this name.
     */
    name(name, hint) {
        const value = this.required(name, `${hint}; the name is also how a later run finds it`);
        this.check(name, value, (v) => !hasControl(v) && v.length <= MAX_NAME_LENGTH, `must be one line of at most ${MAX_NAME_LENGTH} characters`);
        return value;
    }
    /** A free-text description, as Flow Service takes one: at most MAX_DESCRIPTION_LENGTH characters. */
    description() {
        const value = this.optional('description');
        this.check('description', value, (v) => v.length <= MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
        return value;
    }
    fail(problem) {
        this.problems.push(problem);
    }
    /** Applies a check only to a value that is present, so a missing input yields one problem, not two. */
    check(name, value, ok, accepted) {
        if (value !== undefined && value !== '' && !ok(value))
            this.fail(`Input '${name}' ${accepted}.`);
    }
    /** Throws every problem found so far as one InputError. */
    done() {
        if (this.problems.length > 0)
            throw new InputError(this.problems);
    }
    choice(name, choices) {
        const value = this.withDefault(name);
        const chosen = choices.find((c) => c === value);
        if (chosen !== undefined)
            return chosen;
        this.fail(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}; got '${printable(value)}'.`);
        return choices[0];
    }
    /** A choice that has no default: missing is one problem, a wrong value another. */
    requiredChoice(name, choices, hint) {
        const value = this.required(name, hint);
        const chosen = choices.find((c) => c === value);
        if (chosen !== undefined)
            return chosen;
        if (value !== '')
            this.fail(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}; got '${printable(value)}'.`);
        return choices[0];
    }
    /** The YAML 1.2 core-schema booleans, as core.getBooleanInput accepts them. */
    boolean(name) {
        const value = this.withDefault(name);
        if (['true', 'True', 'TRUE'].includes(value))
            return true;
        if (['false', 'False', 'FALSE'].includes(value))
            return false;
        this.fail(`Input '${name}' must be 'true' or 'false'; got '${printable(value)}'.`);
        return false;
    }
    number(name, rule) {
        const value = this.withDefault(name);
        const shape = rule.integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
        const n = Number(value);
        const min = rule.min ?? 0;
        if (!shape.test(value) || !(rule.min === undefined ? n > 0 : n >= min) || n > rule.max) {
            const kind = rule.integer ? 'a whole number' : 'a number';
            const low = rule.min === undefined ? 'greater than 0' : `at least ${min}`;
            this.fail(`Input '${name}' must be ${kind} ${low} and at most ${rule.max}, in decimal digits; got '${printable(value)}'.`);
            return Number(this.defaultOf(name));
        }
        return n;
    }
    /**
     * A secret input: never echoed; one line without spaces; at least MIN_SECRET_LENGTH characters,
     * because the runner masks a secret wherever it appears and a short one garbles every line.
     */
    secret(name, value, what, hint = '') {
        this.check(name, value, singleToken, `must be a single line without spaces; check that the whole ${what} was pasted${hint}`);
        this.check(name, value, (v) => !singleToken(v) || v.length >= MIN_SECRET_LENGTH, `is ${value?.length ?? 0} characters long, shorter than any real ${what} (${MIN_SECRET_LENGTH} at least); check that the right secret is passed`);
    }
    /** An absolute https:// base URL (http:// for loopback hosts only), without credentials, query or fragment. */
    baseUrl(name) {
        const value = this.withDefault(name);
        return this.checkedUrl(name, value, this.defaultOf(name)) ?? value;
    }
    /** The same rules for a URL input that has no default. */
    checkedUrl(name, value, example) {
        // Checked on the raw text: the URL parser silently drops tabs and newlines.
        if (CONTROL.test(value)) {
            this.fail(`Input '${name}' must be one line without control characters, such as '${example}'.`);
            return undefined;
        }
        const url = parseUrl(value);
        if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
            this.fail(`Input '${name}' must be an absolute https:// URL such as '${example}'; got '${printable(withoutUserinfo(value))}'.`);
            return undefined;
        }
        if (url.username !== '' || url.password !== '') {
            // Never echoed: whatever stands before the '@' could be a password.
            this.fail(`Input '${name}' must not hold a user name or password; give a URL such as '${example}'.`);
            return undefined;
        }
        if (url.protocol === 'http:' && !(0,url_rules/* isLoopback */.U)(url.hostname)) {
            this.fail(`Input '${name}' must use https:// (a bearer token never travels in clear text); http:// is accepted only for loopback hosts such as localhost or 127.0.0.1.`);
        }
        if (url.search !== '' || url.hash !== '') {
            this.fail(`Input '${name}' must be a base URL without query or fragment, such as '${example}'.`);
        }
        return url.href.replace(/\/+$/, '');
    }
    defaultOf(name) {
        const value = this.defaults[name];
        if (value === undefined)
            throw new Error(`input '${name}' has no default`);
        return value;
    }
}
function singleToken(value) {
    return !WHITESPACE.test(value) && !CONTROL.test(value);
}
function hasControl(value) {
    return CONTROL.test(value);
}
function parseUrl(value) {
    try {
        return new URL(value);
    }
    catch {
        return undefined;
    }
}
/** Everything up to the last '@' after the scheme may be a user and password: it is never echoed. */
function withoutUserinfo(value) {
    const scheme = value.indexOf('//');
    const at = value.lastIndexOf('@');
    if (at === -1)
        return value;
    return scheme !== -1 && scheme < at ? `${value.slice(0, scheme + 2)}***@${value.slice(at + 1)}` : `***@${value.slice(at + 1)}`;
}
/** Echoes a non-secret value in an error message without letting it break the log line. */
function printable(value) {
    return oneLine(value, 80);
}

;// CONCATENATED MODULE: ./src/explore/match.ts
// Which entries a run was waiting for, and how long to wait before looking again: pure.
/**
 * A glob on entry names: `*` any run of characters, `?` one character, `[abc]`, `[a-z]` or
 * `[!abc]` one of (or none of) them; everything else literal. Matched against the whole name,
 * case-sensitively as S3 keys are. Returns what is wrong with it as a string.
 */
function parseGlob(glob) {
    const chars = Array.from(glob);
    const parts = [];
    for (let i = 0; i < chars.length; i++) {
        const c = chars[i] ?? '';
        if (c === '*')
            parts.push({ kind: 'any-run' });
        else if (c === '?')
            parts.push({ kind: 'any-one' });
        else if (c === '[' && classEnd(chars, i) !== -1) {
            const negated = chars[i + 1] === '!';
            const close = classEnd(chars, i);
            const ranges = classRanges(chars.slice(i + (negated ? 2 : 1), close));
            if (typeof ranges === 'string')
                return ranges;
            parts.push({ kind: 'class', negated, ranges });
            i = close;
        }
        else
            parts.push({ kind: 'literal', char: c });
    }
    return parts;
}
/** Where the class opened at `open` closes: a `]` right after `[` or `[!` is a member, not the end. */
function classEnd(chars, open) {
    const first = chars[open + 1] === '!' ? open + 2 : open + 1;
    return chars.indexOf(']', first + 1);
}
function classRanges(members) {
    const ranges = [];
    for (let i = 0; i < members.length; i++) {
        const low = members[i] ?? '';
        const high = members[i + 2];
        if (members[i + 1] === '-' && high !== undefined) {
            if ((low.codePointAt(0) ?? 0) > (high.codePointAt(0) ?? 0))
                return `has the range [${low}-${high}] out of order; write [${high}-${low}]`;
            ranges.push([low, high]);
            i += 2;
        }
        else
            ranges.push([low, low]);
    }
    return ranges;
}
/**
 * Whether `name` matches the glob's parts. Iterative: on a mismatch it goes back only to the
 * last `*`, so the time is at most the name's length times the glob's, whatever the input.
 */
function globMatches(parts, name) {
    const chars = Array.from(name);
    let p = 0;
    let n = 0;
    let star = -1;
    let starN = 0;
    while (n < chars.length) {
        const part = parts[p];
        if (part?.kind === 'any-run') {
            star = p++;
            starN = n;
        }
        else if (part !== undefined && matchesOne(part, chars[n] ?? '')) {
            p++;
            n++;
        }
        else if (star !== -1) {
            p = star + 1;
            n = ++starN;
        }
        else
            return false;
    }
    while (parts[p]?.kind === 'any-run')
        p++;
    return p === parts.length;
}
function matchesOne(part, char) {
    switch (part.kind) {
        case 'any-one':
            return true;
        case 'literal':
            return part.char === char;
        case 'class': {
            const code = char.codePointAt(0) ?? 0;
            const inside = part.ranges.some(([low, high]) => code >= (low.codePointAt(0) ?? 0) && code <= (high.codePointAt(0) ?? 0));
            return inside !== part.negated;
        }
    }
}
/** The paths that `expect` matches by name (any entry); every file's path without one. */
function matchesOf(entries, expect) {
    if (expect === undefined)
        return entries.filter((e) => e.type === 'file').map((e) => e.path);
    const parts = parseGlob(expect);
    // The inputs were checked with parseGlob: a glob that does not parse never gets this far.
    if (typeof parts === 'string')
        throw new Error(`Input 'expect' ${parts}.`);
    return entries.filter((e) => globMatches(parts, e.name)).map((e) => e.path);
}
/** Waits between listings: 2 s, doubling to 30 s, never past the wait's end. */
function nextWaitMs(look, leftMs) {
    return Math.max(0, Math.min(2000 * 2 ** (look - 1), 30_000, leftMs));
}

;// CONCATENATED MODULE: ./src/platform/server-values.ts
// Values a server hands back that the actions reuse: in a later request's path or header, or as
// a step output that later jobs receive. Each is checked against the shape Adobe issues before
// it is used; anything else stops the step with an error naming the field, never an output.


// Adobe's ids: UUIDs (connections, flows, runs), 24 hex digits (Catalog datasets) or 32 hex
// digits (Data Prep mapping sets), in either case.
const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24}|[0-9a-f]{32})$/i;
// An entity tag (RFC 9110): optionally weak, quoted, printable ASCII without quotes or spaces.
// Adobe's look like "1700d77b-0000-0200-0000-5e3b41a10000"; 128 characters is ample.
const ETAG = /^(?:W\/)?"[\x21\x23-\x7e]{1,128}"$/;
function isId(value) {
    return typeof value === 'string' && ID.test(value);
}
/** Adobe's ids are hex, and may come back in either case: the same id, whatever the case. */
function sameId(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
function isEtag(value) {
    return typeof value === 'string' && ETAG.test(value);
}
/** The id in `field`, or an error naming the field; never a value that could break a path or an output. */
function readId(value, field, origin) {
    if (isId(value))
        return value;
    throw badValue(value, field, 'an id (a UUID, or 24 or 32 hex digits)', origin);
}
function readEtag(value, field, origin) {
    if (isEtag(value))
        return value;
    throw badValue(value, field, 'an etag (a short quoted token)', origin);
}
function badValue(value, field, expected, origin) {
    const got = value === undefined ? 'nothing' : typeof value === 'string' ? quoted(value, 80) : `a ${typeof value}`;
    return new UnexpectedResponseError(origin.service, origin.label, `"${field}" is not ${expected}: got ${got}`);
}

;// CONCATENATED MODULE: ./src/platform/session.ts
// The inputs every action shares: who calls (client, credentials, organization, sandbox), where
// (IMS, Platform) and for how long. Each action reads these first, then its own.


/** Session inputs whose values are secrets: masked before anything else happens. */
const SESSION_SECRET_INPUTS = ['client-secret', 'access-token'];
const MAX_ATTEMPTS_LIMIT = 20;
const TIMEOUT_SECONDS_LIMIT = 3600;
/** Why a secret input can be empty although the workflow passes one: said wherever one is missing. */
const MISSING_SECRET_NOTE = 'a secret that does not exist where the job runs arrives as an empty string (a misspelt secret name, a pull request from a fork, or a secret of another environment)';
const ORG_ID = /^[A-Za-z0-9]+@AdobeOrg$/;
// What HTTP lets a header value hold without encoding (Node refuses the rest, after the run has begun).
const HEADER_SAFE = /^[\x21-\x7e]+$/;
const SANDBOX = /^[a-z0-9][a-z0-9-]*$/;
const SCOPE = /^[A-Za-z0-9_.:-]+$/;
function readSession(r) {
    const clientId = r.required('client-id', 'set it to the Client ID (API key) of your Adobe Developer Console project');
    r.check('client-id', clientId, singleToken, 'must be a single word without spaces (the Client ID from the Developer Console)');
    r.check('client-id', clientId, (v) => !singleToken(v) || HEADER_SAFE.test(v), `goes into a request header, which takes printable ASCII only, but holds ${foreignCharacter(clientId)}; copy the Client ID from the Developer Console again`);
    const credentials = readCredentials(r);
    const imsOrgId = r.required('ims-org-id', "set it to your IMS organization ID, which ends in '@AdobeOrg'");
    r.check('ims-org-id', imsOrgId, (v) => ORG_ID.test(v), "must be an IMS organization ID such as '1234ABCD5678EF90@AdobeOrg'");
    const sandboxName = r.withDefault('sandbox-name');
    r.check('sandbox-name', sandboxName, (v) => SANDBOX.test(v) && v.length <= 64, `must be a sandbox name of lower-case letters, digits and hyphens (such as 'prod' or 'dev-1'); got '${printable(sandboxName)}'`);
    const scopes = normaliseScopes(r.withDefault('scopes'));
    r.check('scopes', scopes, (v) => v.split(',').every((s) => SCOPE.test(s)), 'must be a comma-separated list of IMS scopes');
    if (scopes === '')
        r.fail("Input 'scopes' must list at least one IMS scope (the default is used when the input is empty).");
    return {
        clientId,
        credentials,
        imsOrgId,
        sandboxName,
        scopes,
        imsUrl: r.baseUrl('ims-url'),
        platformUrl: r.baseUrl('platform-url'),
        timeoutSeconds: r.number('timeout-seconds', { integer: false, max: TIMEOUT_SECONDS_LIMIT }),
        maxAttempts: r.number('max-attempts', { integer: true, max: MAX_ATTEMPTS_LIMIT })
    };
}
function readCredentials(r) {
    const clientSecret = r.optional('client-secret');
    const accessToken = r.optional('access-token');
    if (clientSecret !== undefined && accessToken !== undefined) {
        r.fail("Inputs 'client-secret' and 'access-token' are both set: give exactly one ('client-secret' to let the action get a token from IMS, or 'access-token' to use a token you minted).");
    }
    else if (clientSecret === undefined && accessToken === undefined) {
        r.fail(`Input 'client-secret' or 'access-token' is required and both are empty: give the OAuth Server-to-Server client secret, or a ready IMS access token. Note that ${MISSING_SECRET_NOTE}.`);
    }
    r.secret('client-secret', clientSecret, 'client secret');
    r.secret('access-token', accessToken, 'access token', ", without 'Bearer '");
    r.check('access-token', accessToken, (v) => !singleToken(v) || HEADER_SAFE.test(v), `goes into a request header, which takes printable ASCII only, but holds ${foreignCharacter(accessToken)}; copy the token again`);
    return accessToken !== undefined ? { kind: 'access-token', accessToken } : { kind: 'client-secret', clientSecret: clientSecret ?? '' };
}
/** 'U+200B at character 12': the first character a header cannot hold, named without echoing the value. */
function foreignCharacter(value) {
    const chars = Array.from(value ?? '');
    const at = chars.findIndex((c) => !HEADER_SAFE.test(c));
    const code = chars[at]?.codePointAt(0) ?? 0;
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')} at character ${at + 1} (often an invisible space pasted with it)`;
}
function normaliseScopes(value) {
    return value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .join(',');
}
/** The base URL of each Platform service, under `platform-url`. */
function serviceUrl(session, service) {
    return `${session.platformUrl}${defaults/* SERVICE_PATHS */.z[service]}`;
}


;// CONCATENATED MODULE: ./src/explore/inputs.ts
// The explore action's inputs: the session's, then what to list, preview and wait for,
// validated into one typed Config before any network call.





const DEFAULTS = {
    ...defaults/* SESSION_DEFAULTS */.u,
    preview: 'false',
    encoding: 'UTF-8',
    'wait-seconds': '0',
    'dry-run': 'false'
};
const SECRET_INPUTS = SESSION_SECRET_INPUTS;
/** A job runs six hours at most: no wait can be longer. */
const MAX_WAIT_SECONDS = 21_600;
const FILE_TYPES = ['delimited', 'json', 'parquet'];
const COMPRESSIONS = ['bzip2', 'gzip', 'deflate', 'zipDeflate', 'tarGzip', 'tar'];
const ENCODINGS = ['UTF-8', 'ISO-8859-1'];
function readConfig(getInput) {
    const r = new InputReader(getInput, DEFAULTS);
    const session = readSession(r);
    const connectionId = r.required('connection-id', "pass the connection action's output, e.g. '${{ steps.s3.outputs.connection-id }}'");
    r.check('connection-id', connectionId, isId, `must be a connection id (a UUID); got '${printable(connectionId)}'`);
    const path = r.optional('path');
    r.check('path', path, (v) => !hasControl(v) && v.length <= 2048, 'must be one line naming a folder or file, as explore listings give it');
    const preview = r.boolean('preview') ? readPreview(r, path) : undefined;
    if (!r.boolean('preview'))
        refuseUnused(r, FORMAT_INPUTS, "with 'preview: true'", "set 'preview: true', or remove");
    const expect = r.optional('expect');
    r.check('expect', expect, (v) => !hasControl(v) && v.length <= 256, 'must be one glob on entry names, such as "*.csv" or "export-*.json"');
    const globProblem = expect !== undefined ? parseGlob(expect) : undefined;
    if (typeof globProblem === 'string')
        r.fail(`Input 'expect' ${globProblem}.`);
    const waitSeconds = r.number('wait-seconds', { integer: true, min: 0, max: MAX_WAIT_SECONDS });
    if (waitSeconds > 0 && expect === undefined) {
        r.fail("Input 'wait-seconds' waits for an entry matching 'expect': set 'expect' too (such as '*.csv'), or set 'wait-seconds' to 0.");
    }
    const dryRun = r.boolean('dry-run');
    r.done();
    return {
        session,
        flowServiceUrl: serviceUrl(session, 'flowService'),
        connectionId,
        ...(path !== undefined && { path }),
        ...(preview !== undefined && { preview }),
        ...(expect !== undefined && { expect }),
        waitSeconds,
        dryRun
    };
}
function readPreview(r, path) {
    if (path === undefined || path.endsWith('/')) {
        r.fail("Input 'preview' reads a file: set 'path' to a file path as listings give it (such as '/my-bucket/daily/export.csv'), not a folder.");
        return undefined;
    }
    const guessed = guessFormat(path);
    const fileType = r.optional('file-type') !== undefined ? r.choice('file-type', FILE_TYPES) : guessed.fileType;
    if (fileType === undefined) {
        r.fail(`Input 'file-type' is needed: the type of '${printable(path)}' cannot be told from its extension; set 'delimited', 'json' or 'parquet'.`);
        return undefined;
    }
    const compressionType = r.optional('compression-type') !== undefined ? r.choice('compression-type', COMPRESSIONS) : guessed.compressionType;
    const format = { fileType, ...(compressionType !== undefined && { compressionType }) };
    if (fileType !== 'delimited') {
        refuseUnused(r, ['column-delimiter', 'encoding'], `for delimited files, and this preview reads ${fileType}`, 'remove');
        return { file: path, format };
    }
    // ',' unless given; a tab for a .tsv file, which is what its name promises.
    const columnDelimiter = r.getRaw('column-delimiter') || (/\.tsv(\.[a-z0-9]+)?$/i.test(path) ? '\t' : ',');
    r.check('column-delimiter', columnDelimiter, (v) => Array.from(v).length === 1 && (v === '\t' || !hasControl(v)), `must be exactly one character (such as ',' or '|'); got '${printable(columnDelimiter)}'`);
    const encoding = r.choice('encoding', ENCODINGS);
    return { file: path, format: { ...format, columnDelimiter, encoding } };
}
/** The inputs that describe the previewed file's format. */
const FORMAT_INPUTS = ['file-type', 'compression-type', 'column-delimiter', 'encoding'];
/** An input that would be silently ignored is refused instead: the workflow meant something by it. */
function refuseUnused(r, names, when, fix) {
    const set = names.filter((name) => r.isSet(name));
    if (set.length === 0)
        return;
    const listed = set.map((name) => `'${name}'`).join(', ');
    const many = set.length > 1;
    r.fail(`Input${many ? 's' : ''} ${listed} ${many ? 'are' : 'is'} only read ${when}: ${fix} ${many ? 'them' : 'it'}.`);
}
/** What a file's extension says: '.csv.gz' is delimited, gzip-compressed. */
function guessFormat(path) {
    const name = (path.split('/').pop() ?? '').toLowerCase();
    const compressions = [
        ['.tar.gz', 'tarGzip'],
        ['.tgz', 'tarGzip'],
        ['.tar', 'tar'],
        ['.gz', 'gzip'],
        ['.bz2', 'bzip2'],
        ['.zip', 'zipDeflate'],
        ['.deflate', 'deflate']
    ];
    const compression = compressions.find(([suffix]) => name.endsWith(suffix));
    const base = compression === undefined ? name : name.slice(0, -compression[0].length);
    const type = /\.(csv|tsv|txt)$/.test(base)
        ? 'delimited'
        : base.endsWith('.json')
            ? 'json'
            : base.endsWith('.parquet')
                ? 'parquet'
                : undefined;
    return { ...(type !== undefined && { fileType: type }), ...(compression !== undefined && { compressionType: compression[1] }) };
}

;// CONCATENATED MODULE: ./src/explore/look.ts
// Listing a folder until an expected entry shows, within the wait the inputs allow.



/** Nothing matching `expect` showed within the wait: what was listed, what was expected. */
class NothingMatchedError extends Error {
    constructor(message) {
        super(message);
        this.name = 'NothingMatchedError';
    }
}
/** Names a message shows of the last listing; the rest are counted. */
const NAMES_SHOWN = 10;
async function lookUntilMatch(d, where, expect, waitMs) {
    const started = d.clock.now();
    for (let look = 1;; look++) {
        const entries = await d.list();
        const matches = matchesOf(entries, expect);
        if (expect === undefined || matches.length > 0)
            return { entries, matches, looks: look };
        const leftMs = waitMs - (d.clock.now() - started);
        if (leftMs <= 0)
            throw new NothingMatchedError(nothingMessage(where, expect, entries, look, waitMs));
        const delay = nextWaitMs(look, leftMs);
        d.log(`Nothing in ${where} matches ${text_quoted(expect)} yet (${entries.length} entries listed); looking again in ${formatSeconds(delay)}.`);
        await d.clock.sleep(delay);
    }
}
function nothingMessage(where, expect, entries, looks, waitMs) {
    const waited = waitMs > 0 ? ` within ${formatSeconds(waitMs)} (listed ${looks} times)` : '';
    const names = entries.slice(0, NAMES_SHOWN).map((e) => text_quoted(e.name, 80));
    const more = entries.length > names.length ? ` and ${entries.length - names.length} more` : '';
    const last = entries.length === 0 ? 'was empty' : `held ${entries.length}: ${names.join(', ')}${more}`;
    return `No entry in ${oneLine(where)} matches ${text_quoted(expect)}${waited}; the last listing ${last}. Check 'path' and 'expect', or raise 'wait-seconds' if the file lands later.`;
}

;// CONCATENATED MODULE: ./src/explore/outputs.ts
// The explore action's outputs: compact JSON, all of them together within what the runner
// carries for a step (an output is at most 1 MB, counted in bytes); a long listing keeps its
// first entries and says so.
/** UTF-8 bytes all of one step's outputs may take: under the runner's 1 MB, with room to spare. */
const MAX_OUTPUTS_BYTES = 900_000;
/** As many items as fit in `maxBytes`, in order, as one compact JSON array. */
function boundedJson(items, maxBytes = MAX_OUTPUTS_BYTES) {
    const parts = [];
    let bytes = 2;
    for (const item of items) {
        const part = JSON.stringify(item);
        const more = Buffer.byteLength(part) + (parts.length > 0 ? 1 : 0);
        if (bytes + more > maxBytes)
            break;
        parts.push(part);
        bytes += more;
    }
    return { json: `[${parts.join(',')}]`, kept: parts.length, bytes };
}
/** An entry as the `entries` output shows it. */
function entryOutput(entry) {
    return { type: entry.type, name: entry.name, path: entry.path };
}
/**
 * Every output of a run, sharing one byte budget: what a later step most likely reads first
 * (the preview's columns, the matches) is served first, the whole listing last.
 */
function outputsOf(entries, matches, preview, budget = MAX_OUTPUTS_BYTES) {
    const count = String(entries.length);
    let left = budget - count.length;
    const cut = [];
    const take = (name, items) => {
        const bounded = boundedJson(items, left);
        left -= bounded.bytes;
        if (bounded.kept < items.length)
            cut.push({ name, kept: bounded.kept, total: items.length });
        return bounded.json;
    };
    const columns = preview !== undefined ? take('columns', preview.columns) : undefined;
    const matched = take('matches', matches);
    const rows = preview !== undefined ? take('rows', preview.rows) : undefined;
    const listed = take('entries', entries.map(entryOutput));
    return {
        values: {
            entries: listed,
            count,
            matches: matched,
            ...(columns !== undefined && { columns }),
            ...(rows !== undefined && { rows })
        },
        cut
    };
}

;// CONCATENATED MODULE: ./src/explore/preview.ts
// A file preview, in either of the two shapes Adobe documents: a bare array of columns, or
// { format: 'flat', schema: { columns }, data: [rows] }. Server values: checked here.



/** At most this many sample rows become the `rows` output. */
const MAX_ROWS = 20;
function preview_readPreview(json) {
    if (Array.isArray(json))
        return { columns: readColumns(json), rows: [] };
    if (isObject(json) && isObject(json.schema) && Array.isArray(json.schema.columns)) {
        const rows = Array.isArray(json.data) ? json.data.filter(isObject).slice(0, MAX_ROWS) : [];
        return { columns: readColumns(json.schema.columns), rows };
    }
    throw new errors_UnexpectedResponseError('Flow Service', EXPLORE_LABEL, 'the preview is neither an array of columns nor a {schema, data} object');
}
function readColumns(values) {
    return values.flatMap((value) => {
        if (!isObject(value) || typeof value.name !== 'string')
            return [];
        const xdm = isObject(value.xdm) && typeof value.xdm.type === 'string' ? value.xdm.type : undefined;
        const type = typeof value.type === 'string' ? value.type : (xdm ?? 'unknown');
        return [{ name: value.name, type }];
    });
}

;// CONCATENATED MODULE: ./src/platform/summary.ts
// The job summary, built from parts that escape every value: a server's text can neither break
// out of its table cell nor add markup. Writing it never decides a run's outcome.



class Summary {
    parts = [];
    heading(text) {
        this.parts.push(`<h3>${summaryText(text)}</h3>`);
        return this;
    }
    /** A two-column table of facts; values in code style. */
    facts(rows) {
        return this.table(['Field', 'Value'], rows.map(([field, value]) => [field, value]), { codeColumns: [1] });
    }
    /** A table; every cell is escaped. */
    table(header, rows, options = {}) {
        const code = new Set(options.codeColumns ?? []);
        const cell = (value, column) => (code.has(column) ? `<code>${summaryText(value)}</code>` : summaryText(value));
        const head = `<tr>${header.map((h) => `<th>${summaryText(h)}</th>`).join('')}</tr>`;
        const body = rows.map((row) => `<tr>${row.map((value, column) => `<td>${cell(value, column)}</td>`).join('')}</tr>`);
        this.parts.push(`<table>${head}${body.join('')}</table>`);
        return this;
    }
    /** What every action's dry run says in its summary. */
    dryRun() {
        return this.paragraph('the inputs are valid; no token was requested and nothing was sent. The step log lists the requests a real run would send.', 'Dry run:');
    }
    paragraph(text, label) {
        this.parts.push(`<p>${label !== undefined ? `<strong>${summaryText(label)}</strong> ` : ''}${summaryText(text, 2000)}</p>`);
        return this;
    }
    link(text, url) {
        // Only the run's own URL (from the runner's environment) is linked; it is escaped all the same.
        if (/^https:\/\//.test(url))
            this.parts.push(`<p><a href="${summaryText(url)}">${summaryText(text)}</a></p>`);
        return this;
    }
    /** Appends to the step's summary file; outside a runner there is none, and nothing is written. */
    async write() {
        if (!process.env.GITHUB_STEP_SUMMARY)
            return;
        try {
            await core/* summary */.z.addRaw(this.parts.join('\n'), true).write();
        }
        catch (error) {
            // The summary decorates the run; it never decides its outcome.
            core/* warning */.$e(`Could not write the job summary: ${errorMessage(error)}`);
        }
        finally {
            core/* summary */.z.emptyBuffer();
        }
    }
}

;// CONCATENATED MODULE: ./src/explore/summary.ts
// The explore action's job summary: the listing (first 100 entries) and the preview, as tables
// whose every cell is escaped: a file name cannot break a table or add markup.

const SUMMARY_ENTRIES = 100;
async function writeSummary(facts) {
    const summary = new Summary().heading(`Explore ${facts.listed}`);
    if (facts.entries !== undefined) {
        const shown = facts.entries.slice(0, SUMMARY_ENTRIES);
        summary.table(['Type', 'Name', 'Path'], shown.map((e) => [e.type, e.name, e.path]), { codeColumns: [2] });
        if (facts.entries.length > shown.length)
            summary.paragraph(`${shown.length} of ${facts.entries.length} entries shown.`);
    }
    if (facts.expect !== undefined && facts.matches !== undefined) {
        summary.paragraph(`${facts.matches.length} entr${facts.matches.length === 1 ? 'y matches' : 'ies match'} ${facts.expect}`, 'Expected:');
    }
    if (facts.preview !== undefined) {
        const { columns, rows } = facts.preview.result;
        summary.paragraph(facts.preview.file, 'Preview of');
        summary.table(columns.map((c) => `${c.name} (${c.type})`), rows.map((row) => columns.map((c) => cellText(row[c.name]))));
    }
    if (facts.dryRun === true)
        summary.dryRun();
    if (facts.error !== undefined)
        summary.paragraph(facts.error, 'Failed:');
    if (facts.runUrl !== undefined)
        summary.link('Workflow run', facts.runUrl);
    await summary.write();
}
function cellText(value) {
    if (value === undefined || value === null)
        return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/explore/main.ts
// The story of one explore run: read inputs, open the session, list (and wait) and preview,
// write outputs.












const USER_AGENT = 'aep-s3-explore-action/1';
async function run() {
    const rt = createRuntime();
    let config;
    let session;
    let context;
    const facts = {};
    try {
        config = readConfig(runnerInputs(rt, SECRET_INPUTS));
        if (config.dryRun) {
            // Multi-line on purpose; every secret in it is redacted.
            core/* info */.pq(rt.secrets.redact(describeDryRun(config).join('\n')));
            await summarize(config, loadRunContext(), { dryRun: true });
            return;
        }
        // timeout-seconds bounds the token; the listing, and the preview after it, may wait wait-seconds on top.
        const connecting = connect(config.session, rt, {
            wait: { seconds: config.waitSeconds, input: 'wait-seconds' },
            // Explore only reads: no time is kept back for deleting anything.
            makesThings: false,
            userAgent: USER_AGENT,
            baseUrls: { 'Flow Service': config.flowServiceUrl, Catalog: '', 'Data Prep': '' },
            warm: ['Flow Service']
        });
        context = loadRunContext();
        session = await connecting;
        const api = session.waiting();
        const { connectionId, preview, expect } = config;
        const folder = listedFolder(config);
        const where = folder ?? 'the root';
        // Without a wait the preview does not depend on the listing: both go out at once.
        const previewing = preview !== undefined && config.waitSeconds === 0 ? readFile(api, connectionId, preview) : undefined;
        previewing?.catch(() => undefined);
        const list = async () => readListing((await api.send(listCall(connectionId, folder))).json);
        const looked = await lookUntilMatch({ list, clock: systemClock, log: rt.info }, where, expect, config.waitSeconds * 1000);
        Object.assign(facts, { entries: looked.entries, matches: looked.matches });
        rt.info(`Listed ${where}: ${looked.entries.length} entries; ${looked.matches.length} ${expect !== undefined ? `match "${expect}"` : 'files'}.`);
        const previewed = preview !== undefined ? await (previewing ?? readFile(api, connectionId, preview)) : undefined;
        if (preview !== undefined && previewed !== undefined) {
            facts.preview = { file: preview.file, result: previewed };
            rt.info(`Previewed ${preview.file}: ${previewed.columns.length} columns, ${previewed.rows.length} sample row${previewed.rows.length === 1 ? '' : 's'}.`);
        }
        setOutputsOf(rt, outputsOf(looked.entries, looked.matches, previewed));
        await summarize(config, context, facts);
    }
    catch (error) {
        const message = failStep(rt, error);
        if (config !== undefined && !config.dryRun)
            await summarize(config, context, { ...facts, error: message });
    }
    finally {
        session?.close();
    }
}
async function readFile(api, connectionId, preview) {
    return preview_readPreview((await api.send(previewCall(connectionId, preview.file, preview.format))).json);
}
/** Sets the outputs, saying which a later step finds cut short. */
function setOutputsOf(rt, outputs) {
    for (const { name, kept, total } of outputs.cut)
        rt.warning(`The ${name} output holds the first ${kept} of ${total} (a step's outputs take 1 MB at most); count has every entry.`);
    setOutputs(outputs.values);
}
async function summarize(config, context, facts) {
    const { runUrl } = context !== undefined ? await context : {};
    await writeSummary({
        listed: listedFolder(config) ?? 'the root',
        ...facts,
        ...(config.expect !== undefined && { expect: config.expect }),
        ...(runUrl !== undefined && { runUrl })
    });
}


/***/ })

};
