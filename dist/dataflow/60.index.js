export const id = 60;
export const ids = [60];
export const modules = {

/***/ 9060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: describeChange

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
;// CONCATENATED MODULE: ./src/platform/context.ts
async function loadRunContext(env = process.env) {
    try {
        const { context } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
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
        return {};
    }
}
function defaultDescription(ctx) {
    return `Managed by GitHub Actions: ${ctx.repository ?? 'a run outside GitHub Actions'}, workflow ${ctx.workflow ?? '(none)'}`;
}

;// CONCATENATED MODULE: ./src/platform/text.ts
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const MAX_LOGGED_CHARS = 500;
function oneLine(value, max = MAX_LOGGED_CHARS) {
    const flat = value.replace(UNSAFE, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return flat.length > max ? `${flat.slice(0, Math.max(0, max - 1))}…` : flat;
}
function summaryText(value, max = MAX_LOGGED_CHARS) {
    return escapeHtml(oneLine(value, max));
}
function escapeHtml(value) {
    return value.replace(/[&<>"'`|[\]\\*_]/g, (c) => `&#${c.charCodeAt(0)};`);
}
function quoted(value, max = MAX_LOGGED_CHARS) {
    return `"${oneLine(value, max).replace(/"/g, '\\"')}"`;
}

;// CONCATENATED MODULE: ./src/platform/ledger.ts

class Ledger {
    entries = [];
    made(what, id) {
        const known = this.find(id) ?? this.entries.find((e) => e.standing === 'uncertain' && e.what === what);
        if (known === undefined) {
            this.entries.push({ what, id, standing: 'made' });
            return;
        }
        known.id = id;
        known.standing = 'made';
    }
    uncertain(what) {
        this.entries.push({ what, standing: 'uncertain' });
    }
    undeletable(what, id) {
        this.entries.push({ what, id, standing: 'undeletable' });
    }
    kept(id) {
        const entry = this.find(id);
        if (entry !== undefined)
            entry.standing = 'kept';
    }
    deleted(id) {
        const entry = this.find(id);
        if (entry !== undefined)
            entry.standing = 'deleted';
    }
    left() {
        return this.entries.filter((e) => e.standing === 'made' || e.standing === 'uncertain');
    }
    account(nextRun) {
        const deleted = this.entries.filter((e) => e.standing === 'deleted');
        const left = this.left();
        const stays = this.entries.filter((e) => e.standing === 'undeletable');
        const sentences = [
            ...(deleted.length > 0 && left.length === 0 ? [`This run deleted what it had made (${names(deleted)}).`] : []),
            ...(left.length > 0 ? [`Left by this run: ${leftNames(left)}; ${nextRun}.`] : []),
            ...(stays.length > 0 ? [`Made by this run and kept, as no API deletes it: ${names(stays)}.`] : [])
        ];
        return sentences.length > 0 ? sentences.join(' ') : undefined;
    }
    find(id) {
        return this.entries.find((e) => e.id !== undefined && e.id.toLowerCase() === id.toLowerCase());
    }
}
function leftNames(left) {
    const made = left.filter((e) => e.standing === 'made');
    const uncertain = left.some((e) => e.standing === 'uncertain') ? ' (and a create whose answer was lost may have made one more)' : '';
    return `${made.length > 0 ? names(made) : 'nothing it knows of'}${uncertain}`;
}
function names(entries) {
    return entries.map((e) => oneLine(`${e.what} ${e.id ?? ''}`.trim(), 100)).join(', ') || 'nothing it knows of';
}

;// CONCATENATED MODULE: ./src/platform/retry.ts
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};
const DEFAULT_RETRY_POLICY = { baseDelayMs: 500, maxDelayMs: 15_000 };
function readAttemptMs(timeoutSeconds) {
    return Math.max(5_000, (timeoutSeconds * 1000) / 4);
}
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
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
    return /socket hang up|aborted/i.test(error.message);
}
function backoffDelay(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * ceiling);
}
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
class Deadline {
    totalMs;
    clock;
    budget;
    endsAt;
    constructor(totalMs, clock = systemClock, endsAt, budget = 'timeout-seconds') {
        this.totalMs = totalMs;
        this.clock = clock;
        this.budget = budget;
        this.endsAt = endsAt ?? clock.now() + totalMs;
    }
    remainingMs() {
        return Math.max(0, this.endsAt - this.clock.now());
    }
    withReserve(reserveMs) {
        return new Deadline(this.totalMs, this.clock, this.endsAt - reserveMs, this.budget);
    }
}

;// CONCATENATED MODULE: ./src/platform/api.ts
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
        ...(call.rebuild !== undefined && { rebuild: () => JSON.stringify(call.rebuild?.()) }),
        ...(call.accept !== undefined && { accept: call.accept })
    };
}
function describeCall(call, target) {
    const req = toRequest(call, target, '***');
    const headers = Object.entries(req.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
    const body = call.body === undefined ? [] : ['', ...JSON.stringify(call.body, null, 2).split('\n')];
    return [`${req.method} ${req.url}`, ...headers, ...body];
}
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
    sendOrRecover(call, recover) {
        return this.transport.requestOrRecover(toRequest(call, this.target, this.accessToken), recover);
    }
    remainingMs() {
        return this.transport.remainingMs();
    }
    over(transport) {
        return new PlatformApi(transport, this.target, this.accessToken);
    }
}

;// CONCATENATED MODULE: ./src/platform/json.ts
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/platform/errors.ts



function isErrorLike(value) {
    return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string';
}
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
const RAW_BODY_CHARS = 300;
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
    const type = str(json.type);
    const flowCode = type?.slice(-48).match(/([A-Z]+-\d+-\d{3})$/)?.[1];
    if (flowCode !== undefined || isObject(json.report)) {
        const message = str(report['detailed-message']) ?? str(json.errorMessage) ?? str(json.title) ?? str(json.detail);
        return withId({ ...(flowCode !== undefined && { code: flowCode }), ...(message !== undefined && { message }) });
    }
    const gatewayCode = str(json.error_code) ?? (typeof json.error_code === 'number' ? String(json.error_code) : undefined);
    if (gatewayCode !== undefined) {
        const message = str(json.message);
        return withId({ code: gatewayCode, ...(message !== undefined && { message }) });
    }
    const imsCode = str(json.error);
    if (imsCode !== undefined) {
        const message = str(json.error_description);
        return withId({ code: imsCode, ...(message !== undefined && { message }) });
    }
    const title = str(json.title);
    const detail = str(json.detail) ?? str(json.message);
    const code = title !== undefined && /^[A-Za-z]+$/.test(title) ? title : undefined;
    const message = detail ?? title;
    return withId({ ...(code !== undefined && { code }), ...(message !== undefined && { message }) });
}
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
function isNotFound(error) {
    return error instanceof ApiError && (error.status === 404 || error.code === 'FLOW-1439-400');
}
function mayHaveTakenEffect(error) {
    return !(error instanceof ApiError) || error.status === undefined || error.status >= 500;
}
class ConflictError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ConflictError';
    }
}
class TimeoutError extends Error {
    constructor(timeoutMs, waitingFor, attempt, maxAttempts, note, budget = 'timeout-seconds') {
        super(`Timed out after ${formatSeconds(timeoutMs)} (${budget}) waiting for ${waitingFor} (attempt ${attempt} of ${maxAttempts}). ` +
            (note !== undefined ? `${note} ` : '') +
            'Raise timeout-seconds, or check that the service is reachable from the runner.');
        this.name = 'TimeoutError';
    }
}
class UnexpectedResponseError extends Error {
    constructor(service, label, problem) {
        super(`${requestName(service, label)} returned an unexpected response: ${problem}.`);
        this.name = 'UnexpectedResponseError';
    }
}
function requestName(service, label) {
    return service === 'IMS' ? 'IMS token request' : `${service} ${label}`;
}
class CancelledError extends Error {
    constructor() {
        super('Cancelled: the runner stopped the step (the job was cancelled or timed out).');
        this.name = 'CancelledError';
    }
}

;// CONCATENATED MODULE: ./src/platform/ims.ts


const TOKEN_PATH = '/ims/token/v3';
const LABEL = `POST ${TOKEN_PATH}`;
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
async function fetchAccessToken(transport, request, secrets) {
    const label = LABEL;
    const res = await transport.request(tokenRequest(request));
    const token = isObject(res.json) ? res.json.access_token : undefined;
    if (typeof token !== 'string' || !/^[\x21-\x7e]{1,16384}$/.test(token)) {
        throw new UnexpectedResponseError('IMS', label, 'no usable "access_token" in the answer');
    }
    secrets.add(token);
    return token;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/platform/ownership.ts

const CLOCK_SKEW_MS = 2 * 60_000;
const MARK = / \[creating ([0-9a-f]{8}) until (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)\]$/;
const MARK_LENGTH = ' [creating 00000000 until 2026-01-01T00:00:00Z]'.length;
function newRunMark(untilMs, random = external_node_crypto_.randomBytes) {
    return { token: random(4).toString('hex'), until: Math.ceil(untilMs / 1000) * 1000 };
}
function withMark(text, mark, max) {
    const until = new Date(mark.until).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return `${text.slice(0, Math.max(0, max - MARK_LENGTH))} [creating ${mark.token} until ${until}]`;
}
function markIn(text) {
    const match = text === undefined ? null : MARK.exec(text);
    if (match === null)
        return undefined;
    const until = Date.parse(match[2] ?? '');
    return Number.isNaN(until) ? undefined : { token: match[1] ?? '', until };
}
function withoutMark(text) {
    return text.replace(MARK, '');
}
function ownershipOf(text, self, nowMs) {
    const mark = markIn(text);
    if (mark === undefined)
        return 'committed';
    if (self !== undefined && mark.token === self.token)
        return 'mine';
    return nowMs > mark.until + CLOCK_SKEW_MS ? 'abandoned' : 'in-progress';
}
function describeMark(mark) {
    return `[creating ${mark.token}]`;
}
const RETIRED = / \[replaced by ([0-9a-fA-F-]{36})\]$/;
function withRetirement(text, successorId, max) {
    const record = ` [replaced by ${successorId}]`;
    return `${withoutMark(text).slice(0, Math.max(0, max - record.length))}${record}`;
}
function successorIn(text) {
    return text === undefined ? undefined : RETIRED.exec(text)?.[1];
}
function cleanText(text) {
    return withoutMark(text).replace(RETIRED, '');
}

;// CONCATENATED MODULE: ./src/platform/secrets.ts
const MIN_SECRET_LENGTH = 8;
const MASK = '***';
class Secrets {
    setSecret;
    registered = new Set();
    patterns = [];
    constructor(setSecret) {
        this.setSecret = setSecret;
    }
    add(secret) {
        if (secret === undefined || secret.trim() === '' || this.registered.has(secret))
            return;
        this.registered.add(secret);
        const values = [secret, ...secret.split(/\r?\n/).flatMap((line) => [line, line.trim()])].filter((value, index) => index === 0 || value.length >= MIN_SECRET_LENGTH);
        for (const value of new Set(values)) {
            for (const form of runnerForms(value)) {
                if (form === secret || form.length >= MIN_SECRET_LENGTH)
                    this.setSecret(form);
            }
            this.patterns.push({ length: value.length, pattern: redactionPattern(value) });
        }
        this.patterns = [...this.patterns].sort((a, b) => b.length - a.length);
    }
    redact(text) {
        let out = text;
        for (const { pattern } of this.patterns)
            out = out.replace(pattern, MASK);
        return out;
    }
}
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
    forms.push(Array.from({ length: c.length }, (_, i) => `\\\\u${hexEitherCase(c.charCodeAt(i), 4)}`).join(''));
    forms.push(`&#0*${code};`, `&#[xX]0*${hexEitherCase(code, 1)};`);
    const named = HTML_NAMED[c];
    if (named !== undefined)
        forms.push(escapeRegExp(named));
    return forms;
}
function hexEitherCase(value, width) {
    return value
        .toString(16)
        .padStart(width, '0')
        .split('')
        .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
        .join('');
}
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


const PROXY_REFUSED = /statusCode=407/;
function classify(exchange, expect, nowMs, redact) {
    if (exchange.kind === 'no-answer')
        return noAnswer(exchange.error);
    if (exchange.kind === 'too-large') {
        return { status: exchange.status, networkError: exchange.error.message, retryable: false, uncertain: isSuccess(exchange.status) };
    }
    const { status, headers } = exchange;
    const body = redact(exchange.body);
    if (isSuccess(status) || expect.accept?.includes(status)) {
        try {
            return { status, headers, json: body.trim() === '' ? undefined : JSON.parse(body) };
        }
        catch {
            if (!isSuccess(status))
                return { status, headers, json: undefined };
            return { status, networkError: 'the response body is not valid JSON', retryable: true, uncertain: true };
        }
    }
    const retryAfterMs = parseRetryAfter(single(headers['retry-after']), nowMs);
    const requestId = single(headers['x-request-id']);
    return {
        status,
        adobe: decodeAdobeError(body, requestId === undefined ? undefined : redact(requestId)),
        retryable: status !== 407 && isRetryableStatus(status),
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



class Pool {
    userAgent;
    clients = new Map();
    constructor(userAgent) {
        this.userAgent = userAgent;
    }
    agentFor(url) {
        const known = this.clients.get(url.origin);
        if (known !== undefined)
            return known.agent;
        const client = new lib/* HttpClient */.Qq(this.userAgent, [], { keepAlive: true });
        const agent = client.getAgent(url.href);
        if (!(0,url_rules/* isProxied */.S)(url))
            (0,warm_up/* handSpare */.RT)(agent, url);
        this.clients.set(url.origin, { client, agent });
        return agent;
    }
    warmUp(url) {
        (0,warm_up/* warmUp */.lM)(url);
        this.agentFor(url);
    }
    close() {
        (0,warm_up/* releaseSpares */.Ik)();
        for (const { client } of this.clients.values())
            client.dispose();
        this.clients.clear();
    }
}

;// CONCATENATED MODULE: ./src/platform/transport/transport.ts







const IDEMPOTENT = new Set(['GET', 'DELETE']);
class Transport {
    options;
    pool;
    clock;
    constructor(options, pool = new Pool(options.userAgent)) {
        this.options = options;
        this.pool = pool;
        this.clock = options.clock ?? systemClock;
    }
    under(deadline) {
        return new Transport({ ...this.options, deadline, signal: undefined }, this.pool);
    }
    until(deadline) {
        return new Transport({ ...this.options, deadline }, this.pool);
    }
    request(req) {
        return this.send(req, (res) => res);
    }
    requestOrRecover(req, recover) {
        return this.send(req, (res) => res, async () => {
            const found = await recover();
            return found === undefined ? undefined : { recovered: found };
        });
    }
    remainingMs() {
        return this.options.deadline.remainingMs();
    }
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
            if (recover !== undefined && outcome.uncertain) {
                const recovered = await this.tryRecover(recover, fail);
                if (recovered !== undefined)
                    return recovered;
            }
            if (!decision.retry)
                throw fail(decision.reason);
        }
    }
    async once(req, n, mayTakeEffect) {
        const { deadline, policy } = this.options;
        const remaining = deadline.remainingMs();
        const timeout = () => new TimeoutError(deadline.totalMs, requestName(req.service, req.label), n, policy.maxAttempts, mayTakeEffect ? 'It may have taken effect even so.' : undefined, deadline.budget);
        if (remaining <= 0)
            throw timeout();
        this.throwIfCancelled();
        const url = new URL(req.url);
        const headers = { accept: 'application/json', 'user-agent': this.options.userAgent, ...req.headers };
        const body = req.rebuild?.() ?? req.body;
        const wire = { method: req.method, url, headers, ...(body !== undefined && { body }) };
        const cap = IDEMPOTENT.has(req.method) ? (policy.readAttemptMs ?? Infinity) : Infinity;
        const exchange = await attempt(this.pool.agentFor(url), wire, Math.min(remaining, cap), this.options.maxBodyBytes ?? MAX_BODY_BYTES, this.options.signal);
        if (exchange.kind === 'expired') {
            if (remaining <= cap)
                throw timeout();
            return { networkError: `no answer within ${formatSeconds(cap)}`, retryable: true, uncertain: true };
        }
        this.throwIfCancelled();
        return classify(exchange, req, this.clock.now(), this.options.redact ?? ((text) => text));
    }
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
function runnerInputs(rt, secretInputs) {
    for (const name of secretInputs)
        rt.secrets.add(core/* getInput */.V4(name));
    return (name) => core/* getInput */.V4(name, { trimWhitespace: false });
}
function cleanupReserveMs(totalMs) {
    return Math.min(5000, totalMs / 5);
}
async function connect(session, rt, options) {
    const deadline = new Deadline(session.timeoutSeconds * 1000);
    const cancel = onCancel(rt, options.makesThings);
    const transport = new Transport({
        signal: cancel.signal,
        userAgent: options.userAgent,
        policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: session.maxAttempts, readAttemptMs: readAttemptMs(session.timeoutSeconds) },
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
        const mark = newRunMark(systemClock.now() + deadline.remainingMs());
        return { api, mark, cleanup: api.over(transport.under(deadline)), waiting, close };
    }
    catch (error) {
        close();
        throw error;
    }
}
function waitDeadline(timeoutSeconds, wait, work) {
    const totalMs = (timeoutSeconds + wait.seconds) * 1000;
    return new Deadline(totalMs, systemClock, systemClock.now() + work.remainingMs() + wait.seconds * 1000, `timeout-seconds + ${wait.input}`);
}
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
function failStep(rt, error, account) {
    const message = rt.secrets.redact([errorMessage(error), account].filter((p) => p !== undefined).join(' '));
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

;// CONCATENATED MODULE: ./src/platform/paging.ts


const DEFAULT_PAGE_LIMITS = { maxPages: 100, maxItems: 10_000 };
async function listAll(fetchPage, key, listing, limits = DEFAULT_PAGE_LIMITS) {
    const found = new Map();
    const seen = new Set();
    let seenItems = 0;
    let next;
    for (let page = 1;; page++) {
        const { items, next: following } = await fetchPage(next);
        seenItems += items.length;
        for (const item of items)
            if (!found.has(key(item)))
                found.set(key(item), item);
        if (following === undefined)
            return [...found.values()];
        const mark = following.kind === 'token' ? `t:${following.raw}` : `h:${following.href}`;
        if (seen.has(mark))
            throw bad(listing, `page ${page} pointed back to a page already read (a continuation loop); stopped`);
        if (page >= limits.maxPages || seenItems >= limits.maxItems) {
            throw bad(listing, `the listing did not end within ${limits.maxPages} pages or ${limits.maxItems} items (${seenItems} read); stopped`);
        }
        seen.add(mark);
        next = following;
    }
}
function continuationOf(list) {
    const links = list._links;
    const href = isObject(links) && isObject(links.next) ? links.next.href : undefined;
    if (typeof href === 'string' && href !== '') {
        const raw = rawQueryValue(href, 'continuationToken');
        if (raw !== undefined && raw !== '')
            return { kind: 'token', raw };
    }
    if (typeof list.continuationToken === 'string' && list.continuationToken !== '') {
        return { kind: 'token', raw: encodeURIComponent(list.continuationToken) };
    }
    return typeof href === 'string' && href !== '' ? { kind: 'href', href } : undefined;
}
function rawQueryValue(url, name) {
    const query = url.slice(url.indexOf('?') + 1).split('#')[0] ?? '';
    if (!url.includes('?'))
        return undefined;
    for (const pair of query.split('&')) {
        const eq = pair.indexOf('=');
        if (eq !== -1 && pair.slice(0, eq) === name)
            return pair.slice(eq + 1);
    }
    return undefined;
}
function nextPagePath(query, next, baseUrl, listing) {
    if (next.kind === 'token')
        return `${query}&continuationToken=${encodeUnsafe(next.raw)}`;
    const base = new URL(baseUrl);
    const resolved = next.href.startsWith('/') && !next.href.startsWith('//') ? new URL(`${base.href}${next.href}`) : new URL(next.href, `${base.href}/`);
    if (resolved.origin !== base.origin || !resolved.pathname.startsWith(base.pathname)) {
        throw bad(listing, 'the next page link points outside the service; not followed');
    }
    return `${resolved.pathname.slice(base.pathname.length)}${resolved.search}`;
}
function followPage(first, next, baseUrl) {
    return next === undefined ? first : { ...first, path: nextPagePath(first.path, next, baseUrl, first) };
}
function encodeUnsafe(raw) {
    return raw.replace(/[^A-Za-z0-9\-._~!$'()*+,;=:@/?%]/g, (c) => encodeURIComponent(c));
}
function bad(listing, problem) {
    return new UnexpectedResponseError(listing.service, listing.label, problem);
}
function listEvery(api, first, read, limits = DEFAULT_PAGE_LIMITS) {
    const baseUrl = api.target.baseUrls[first.service];
    const listing = { service: first.service, label: first.label };
    const page = async (next) => {
        const res = await api.send(followPage(first, next, baseUrl));
        const list = isObject(res.json) ? res.json : undefined;
        if (list === undefined || !Array.isArray(list.items))
            throw bad(listing, 'no "items" array');
        const items = list.items.flatMap((value) => {
            const item = read(value);
            return item === undefined ? [] : [item];
        });
        const following = continuationOf(list);
        return following === undefined ? { items } : { items, next: following };
    };
    return listAll(page, (item) => item.id.toLowerCase(), listing, limits);
}

;// CONCATENATED MODULE: ./src/platform/server-values.ts


const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24}|[0-9a-f]{32})$/i;
const ETAG = /^(?:W\/)?"[\x21\x23-\x7e]{1,128}"$/;
function isId(value) {
    return typeof value === 'string' && ID.test(value);
}
function sameId(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
function isEtag(value) {
    return typeof value === 'string' && ETAG.test(value);
}
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
function wholeNumber(value) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,16}$/.test(value.trim()) ? Number(value) : undefined;
    return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
function createdAtOf(item) {
    const createdAt = wholeNumber(item.createdAt);
    return createdAt === undefined ? {} : { createdAt };
}

;// CONCATENATED MODULE: ./src/dataflow/mapping.ts


class MappingError extends Error {
    problems;
    constructor(file, problems) {
        super(`The mapping in ${quoted(file)} is not valid:\n${problems.map((p) => `- ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'MappingError';
    }
}
const SOURCE_TYPES = ['ATTRIBUTE', 'EXPRESSION', 'STATIC'];
const MAX_MAPPING_BYTES = 1024 * 1024;
function parseMapping(text, file, format) {
    const raw = /\.csv$/i.test(file) ? fromCsv(text) : fromJson(text);
    if (typeof raw === 'string')
        throw new MappingError(file, [raw]);
    const problems = [];
    const mappings = [];
    const seen = new Map();
    raw.forEach((entry, index) => {
        const at = `entry ${index + 1}`;
        const source = typeof entry.source === 'string' ? entry.source.trim() : '';
        const destination = typeof entry.destination === 'string' ? entry.destination.trim() : '';
        const sourceType = (typeof entry.sourceType === 'string' && entry.sourceType.trim() !== '' ? entry.sourceType.trim() : 'ATTRIBUTE').toUpperCase();
        if (source === '')
            problems.push(`${at}${destination !== '' ? ` (destination ${quoted(destination)})` : ''}: no source`);
        if (destination === '')
            problems.push(`${at}${source !== '' ? ` (source ${quoted(source)})` : ''}: no destination`);
        const known = SOURCE_TYPES.find((t) => t === sourceType);
        if (known === undefined)
            problems.push(`${at}: sourceType ${quoted(sourceType)} is not ATTRIBUTE, EXPRESSION or STATIC`);
        const first = seen.get(destination);
        if (destination !== '' && first !== undefined)
            problems.push(`${at}: destination ${quoted(destination)} is mapped already by entry ${first}`);
        if (destination !== '' && first === undefined)
            seen.set(destination, index + 1);
        if (source !== '' && destination !== '' && known !== undefined) {
            mappings.push({
                sourceType: known,
                source: known === 'ATTRIBUTE' && format === 'delimited' ? escapeDots(source) : source,
                destination
            });
        }
    });
    if (raw.length === 0)
        problems.push('it holds no mapping');
    if (problems.length > 0)
        throw new MappingError(file, problems);
    return mappings;
}
function escapeDots(source) {
    return source.replace(/(?<!\\)\./g, '\\.');
}
function fromJson(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        return `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
    }
    if (!Array.isArray(json))
        return 'it must be a JSON array of {source, destination, sourceType?}';
    return json.map((value) => isObject(value) ? { source: value.source, destination: value.destination, sourceType: value.sourceType } : {});
}
function fromCsv(text) {
    const rows = parseCsv(text).filter((row) => row.some((cell) => cell.trim() !== ''));
    const [header, ...body] = rows;
    const names = (header ?? []).map((h) => h.trim().toLowerCase());
    const column = (name) => names.indexOf(name.toLowerCase());
    if (column('source') === -1 || column('destination') === -1)
        return 'a CSV mapping needs a header row with source and destination columns (and sourceType, optionally)';
    return body.map((row) => ({
        source: row[column('source')],
        destination: row[column('destination')],
        sourceType: column('sourceType') === -1 ? undefined : row[column('sourceType')]
    }));
}
function parseCsv(text) {
    const rows = [];
    let row = [];
    let field = '';
    let quotedField = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charAt(i);
        if (quotedField) {
            if (c === '"' && text.charAt(i + 1) === '"') {
                field += '"';
                i++;
            }
            else if (c === '"')
                quotedField = false;
            else
                field += c;
        }
        else if (c === '"')
            quotedField = true;
        else if (c === ',') {
            row.push(field);
            field = '';
        }
        else if (c === '\n' || c === '\r') {
            if (c === '\r' && text.charAt(i + 1) === '\n')
                i++;
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
        }
        else
            field += c;
    }
    if (field !== '' || row.length > 0)
        rows.push([...row, field]);
    return rows;
}
const SERVICE_SOURCE_TYPES = {
    'text/x.schema-path': 'ATTRIBUTE',
    'text/x.aep-xl': 'EXPRESSION',
    'text/plain': 'STATIC',
    ATTRIBUTE: 'ATTRIBUTE',
    EXPRESSION: 'EXPRESSION',
    STATIC: 'STATIC'
};
function readServiceMappings(value) {
    if (!Array.isArray(value))
        return [];
    return value.flatMap((m) => {
        if (!isObject(m) || typeof m.source !== 'string' || typeof m.destination !== 'string')
            return [];
        const raw = typeof m.sourceType === 'string' ? m.sourceType : 'ATTRIBUTE';
        return [{ sourceType: SERVICE_SOURCE_TYPES[raw] ?? raw, source: m.source, destination: m.destination }];
    });
}
function sameMappings(a, b) {
    const key = (m) => JSON.stringify([m.destination, m.sourceType, m.source]);
    const left = a.map(key).sort();
    const right = b.map(key).sort();
    return left.length === right.length && left.every((k, i) => k === right[i]);
}

;// CONCATENATED MODULE: ./src/dataflow/model.ts
const PART_NAMES = {
    source: 'source connection',
    target: 'target connection',
    flow: 'dataflow',
    mapping: 'mapping set'
};

;// CONCATENATED MODULE: ./src/dataflow/requests.ts
const FLOW_SPEC = { id: '9753525b-82c7-4dce-8a9b-5ccfce2b9876', version: '1.0' };
const SOURCE_SPEC = { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' };
const TARGET_SPEC = { id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', version: '1.0' };
const SCHEMA_VERSION = 'application/vnd.adobe.xed-full+json;version=1';
const PAGE_LIMIT = 100;
const FLOW = 'Flow Service';
const id = (value) => encodeURIComponent(value);
function datasetCall(datasetId) {
    return { service: 'Catalog', method: 'GET', path: `/dataSets/${id(datasetId)}?properties=schemaRef,name`, label: 'GET /dataSets/{id}' };
}
function flowLookupCall(name) {
    const filters = [...(name.includes(',') ? [] : [`property=name==${encodeURIComponent(name)}`]), `property=flowSpec.id==${FLOW_SPEC.id}`];
    return { service: FLOW, method: 'GET', path: `/flows?${[...filters, `limit=${PAGE_LIMIT}`].join('&')}`, label: 'GET /flows' };
}
function getFlowCall(flowId) {
    return { service: FLOW, method: 'GET', path: `/flows/${id(flowId)}`, label: 'GET /flows/{id}', accept: [404] };
}
const PARTS = {
    source: { path: '/sourceConnections', spec: SOURCE_SPEC },
    target: { path: '/targetConnections', spec: TARGET_SPEC }
};
function getPartCall(kind, partId) {
    const { path } = PARTS[kind];
    return { service: FLOW, method: 'GET', path: `${path}/${id(partId)}`, label: `GET ${path}/{id}`, accept: [404] };
}
function partLookupCall(kind, name) {
    const { path, spec } = PARTS[kind];
    const filter = name.includes(',') ? `property=connectionSpec.id==${spec.id}` : `property=name==${encodeURIComponent(name)}`;
    return { service: FLOW, method: 'GET', path: `${path}?${filter}&limit=${PAGE_LIMIT}`, label: `GET ${path}` };
}
function flowsUsingCall(kind, partId) {
    const field = kind === 'source' ? 'sourceConnectionIds' : 'targetConnectionIds';
    return { service: FLOW, method: 'GET', path: `/flows?property=${field}[]==${id(partId)}&limit=${PAGE_LIMIT}`, label: 'GET /flows' };
}
function getMappingCall(mappingId, version) {
    return {
        service: 'Data Prep',
        method: 'GET',
        path: `/mappingSets/${id(mappingId)}${version !== undefined ? `?version=${version}` : ''}`,
        label: 'GET /mappingSets/{id}'
    };
}
function runsCall(flowId) {
    return { service: FLOW, method: 'GET', path: `/runs?property=flowId==${id(flowId)}&limit=${PAGE_LIMIT}`, label: 'GET /runs' };
}
function validateMappingCall(body) {
    return { service: 'Data Prep', method: 'POST', path: '/mappingSets/validate', label: 'POST /mappingSets/validate', body, accept: [400] };
}
function createMappingCall(body) {
    return { service: 'Data Prep', method: 'POST', path: '/mappingSets', label: 'POST /mappingSets', body };
}
function putMappingCall(mappingId, body) {
    return { service: 'Data Prep', method: 'PUT', path: `/mappingSets/${id(mappingId)}`, label: 'PUT /mappingSets/{id}', body };
}
function createPartCall(kind, body) {
    const { path } = PARTS[kind];
    return { service: FLOW, method: 'POST', path, label: `POST ${path}`, body };
}
function patchPartCall(kind, partId, etag, operations) {
    const { path } = PARTS[kind];
    return {
        service: FLOW,
        method: 'PATCH',
        path: `${path}/${id(partId)}`,
        label: `PATCH ${path}/{id}`,
        body: operations,
        ifMatch: etag,
        accept: [412]
    };
}
function createFlowCall(body, rebuild) {
    return { service: FLOW, method: 'POST', path: '/flows', label: 'POST /flows', body, ...(rebuild !== undefined && { rebuild }) };
}
function patchFlowCall(flowId, etag, operations) {
    return {
        service: FLOW,
        method: 'PATCH',
        path: `/flows/${id(flowId)}`,
        label: 'PATCH /flows/{id}',
        body: operations,
        ifMatch: etag,
        accept: [412]
    };
}
function flowActionCall(flowId, op) {
    return { service: FLOW, method: 'POST', path: `/flows/${id(flowId)}/action?op=${op}`, label: 'POST /flows/{id}/action' };
}
function deleteFlowCall(flowId) {
    return { service: FLOW, method: 'DELETE', path: `/flows/${id(flowId)}`, label: 'DELETE /flows/{id}', accept: [404] };
}
function deletePartCall(kind, partId) {
    const { path } = PARTS[kind];
    return { service: FLOW, method: 'DELETE', path: `${path}/${id(partId)}`, label: `DELETE ${path}/{id}`, accept: [404] };
}
function mappingSetBody(schemaId, mappings) {
    return {
        outputSchema: { schemaRef: { id: schemaId, contentType: SCHEMA_VERSION } },
        mappings: mappings.map((m) => ({ sourceType: m.sourceType, source: m.source, destination: m.destination }))
    };
}
function sourceBody(source, baseConnectionId, name, description) {
    return {
        name,
        description,
        baseConnectionId,
        data: { format: source.format, ...(Object.keys(fileProperties(source)).length > 0 && { properties: fileProperties(source) }) },
        params: { path: source.path, type: pathType(source.path), recursive: source.recursive },
        connectionSpec: { ...SOURCE_SPEC }
    };
}
function fileProperties(source) {
    return {
        ...(source.columnDelimiter !== undefined && { columnDelimiter: source.columnDelimiter }),
        ...(source.encoding !== undefined && { encoding: source.encoding }),
        ...(source.compressionType !== undefined && { compressionType: source.compressionType })
    };
}
function pathType(path) {
    return path.endsWith('/') ? 'folder' : 'file';
}
function targetBody(datasetId, schemaId, name, description) {
    return {
        name,
        description,
        data: { schema: { id: schemaId, version: SCHEMA_VERSION } },
        params: { dataSetId: datasetId },
        connectionSpec: { ...TARGET_SPEC }
    };
}
function flowBody(config, description, ids, schedule) {
    const options = optionsOf(config);
    return {
        name: config.name,
        description,
        flowSpec: { ...FLOW_SPEC },
        sourceConnectionIds: [ids.source],
        targetConnectionIds: [ids.target],
        transformations: ids.mapping === undefined ? [] : [mappingTransformation(ids.mapping)],
        scheduleParams: {
            startTime: schedule.startTime,
            frequency: schedule.frequency,
            ...(schedule.interval !== undefined && { interval: schedule.interval }),
            ...(schedule.backfill !== undefined && { backfill: schedule.backfill })
        },
        ...(Object.keys(options).length > 0 && { options })
    };
}
function mappingTransformation(mapping) {
    return { name: 'Mapping', params: { mappingId: mapping.id, mappingVersion: String(mapping.version) } };
}
function optionsOf(config) {
    return {
        ...(config.partialIngestionPercent !== undefined && { partialIngestionPercent: config.partialIngestionPercent }),
        ...(config.errorDiagnostics && { errorDiagnosticsEnabled: true })
    };
}
function partNames(dataflowName) {
    return { source: `${dataflowName}: source`, target: `${dataflowName}: target` };
}

;// CONCATENATED MODULE: ./src/dataflow/client.ts








const FREQUENCIES = ['once', 'minute', 'hour', 'day', 'week'];
const BUSY = new Set(['FLOW-1420-400', 'FLOW-1421-400']);
const BUSY_ATTEMPTS = 6;
class DataflowClient {
    api;
    clock;
    ledger;
    constructor(api, clock, ledger) {
        this.api = api;
        this.clock = clock;
        this.ledger = ledger;
    }
    over(api) {
        return new DataflowClient(api, this.clock, this.ledger);
    }
    remainingMs() {
        return this.api.remainingMs();
    }
    async dataset(datasetId) {
        const call = datasetCall(datasetId);
        const body = object(await this.api.send(call), call);
        const entry = body[datasetId] ?? Object.values(body)[0];
        if (!isObject(entry) || !isObject(entry.schemaRef))
            throw unexpected(call, `no "schemaRef" for dataset ${datasetId}`);
        return {
            id: datasetId,
            name: typeof entry.name === 'string' ? entry.name : datasetId,
            schemaId: readSchemaId(entry.schemaRef.id, call)
        };
    }
    findFlows(name) {
        const call = flowLookupCall(name);
        return listEvery(this.api, call, (value) => {
            if (!isObject(value) || value.name !== name || !isObject(value.flowSpec) || value.flowSpec.id !== FLOW_SPEC.id)
                return undefined;
            return readFlow(value, call);
        });
    }
    async getFlow(flowId) {
        const call = getFlowCall(flowId);
        const item = await this.readOne(call);
        return item === undefined ? undefined : readFlow(item, call);
    }
    async flowsUsing(kind, id) {
        const call = flowsUsingCall(kind, id);
        const flows = await listEvery(this.api, call, (value) => (isObject(value) ? { id: readId(value.id, 'id', origin(call)) } : undefined));
        return flows.map((f) => f.id);
    }
    createFlow(body, recover) {
        return this.create('flow', createFlowCall(body(), body), recover);
    }
    async patchFlow(flowId, etag, operations) {
        const call = patchFlowCall(flowId, etag, operations);
        const res = await this.whenNotBusy(() => this.api.send(call));
        return res.status === 412 ? 'stale' : written(res, call);
    }
    async setEnabled(flowId, enabled) {
        const call = flowActionCall(flowId, enabled ? 'enable' : 'disable');
        return written(await this.whenNotBusy(() => this.api.send(call)), call);
    }
    async deleteFlow(flowId) {
        await this.whenNotBusy(() => this.api.send(deleteFlowCall(flowId)));
        for (let look = 1;; look++) {
            if ((await this.getFlow(flowId)) === undefined)
                break;
            const wait = Math.min(500 * 2 ** (look - 1), 5000);
            if (this.api.remainingMs() < wait + 1000)
                throw new UnexpectedResponseError('Flow Service', 'DELETE /flows/{id}', `dataflow ${flowId} was still being deleted when time ran out`);
            await this.clock.sleep(wait);
        }
        this.ledger.deleted(flowId);
    }
    findParts(kind, name) {
        const call = partLookupCall(kind, name);
        return listEvery(this.api, call, (value) => (isObject(value) && value.name === name ? readPart(kind, value, call) : undefined));
    }
    async getPart(kind, id) {
        const call = getPartCall(kind, id);
        const item = await this.readOne(call);
        return item === undefined ? undefined : readPart(kind, item, call);
    }
    createPart(kind, body, recover) {
        return this.create(kind, createPartCall(kind, body), recover);
    }
    async patchPart(kind, id, etag, operations) {
        const call = patchPartCall(kind, id, etag, operations);
        const res = await this.api.send(call);
        return res.status === 412 ? 'stale' : written(res, call);
    }
    async deletePart(kind, id) {
        await this.api.send(deletePartCall(kind, id));
        this.ledger.deleted(id);
    }
    async getMapping(mappingId, version) {
        const call = getMappingCall(mappingId, version);
        const body = object(await this.api.send(call), call);
        return {
            id: readId(body.id ?? mappingId, 'id', origin(call)),
            version: readVersion(body.version ?? version, call),
            mappings: readServiceMappings(body.mappings)
        };
    }
    async validate(body) {
        const call = validateMappingCall(body);
        const res = await this.api.send(call);
        const json = res.json;
        const entries = isObject(json) && Array.isArray(json.validationResponse) ? json.validationResponse : [];
        const problems = entries.flatMap((entry) => {
            if (!isObject(entry))
                return [];
            const errors = Array.isArray(entry.errors) ? entry.errors : [];
            const failed = typeof entry.status === 'string' && entry.status.toUpperCase() === 'FAILED';
            return errors
                .filter(isObject)
                .map((e) => problemOf(e))
                .concat(failed && errors.length === 0 ? [{ message: 'failed, without details' }] : []);
        });
        if (res.status === 400 && problems.length === 0)
            problems.push({ message: errorText(json) ?? 'Data Prep refused the mapping set (HTTP 400)' });
        return problems;
    }
    async createMapping(body) {
        const call = createMappingCall(body);
        const json = object(await this.api.send(call), call);
        const made = { id: readId(json.id, 'id', origin(call)), version: readVersion(json.version ?? 0, call) };
        this.ledger.undeletable(PART_NAMES.mapping, made.id);
        return made;
    }
    async putMapping(mappingId, body) {
        const call = putMappingCall(mappingId, body);
        const json = object(await this.api.send(call), call);
        return { id: readId(json.id ?? mappingId, 'id', origin(call)), version: readVersion(json.version, call) };
    }
    runs(flowId) {
        const call = runsCall(flowId);
        return listEvery(this.api, call, (value) => (isObject(value) ? readRun(value, call) : undefined));
    }
    async create(what, call, recover) {
        let res;
        try {
            res = await this.api.sendOrRecover(call, recover);
        }
        catch (error) {
            if (mayHaveTakenEffect(error))
                this.ledger.uncertain(PART_NAMES[what]);
            throw error;
        }
        if (isRecovered(res)) {
            this.ledger.made(PART_NAMES[what], res.recovered);
            return { kind: 'recovered', id: res.recovered };
        }
        const body = object(res, call);
        const id = readId(body.id, 'id', origin(call));
        this.ledger.made(PART_NAMES[what], id);
        return { kind: 'created', id, ...(isEtag(body.etag) && { etag: body.etag }) };
    }
    async readOne(call) {
        let res;
        try {
            res = await this.api.send(call);
        }
        catch (error) {
            if (isNotFound(error))
                return undefined;
            throw error;
        }
        if (res.status === 404)
            return undefined;
        const items = object(res, call).items;
        const first = Array.isArray(items) ? items[0] : undefined;
        return isObject(first) ? first : undefined;
    }
    async whenNotBusy(send) {
        for (let attempt = 1;; attempt++) {
            try {
                return await send();
            }
            catch (error) {
                const busy = error instanceof ApiError && error.code !== undefined && BUSY.has(error.code);
                const wait = Math.min(1000 * 2 ** (attempt - 1), 15_000);
                if (!busy || attempt >= BUSY_ATTEMPTS || this.api.remainingMs() < wait + 1000)
                    throw error;
                await this.clock.sleep(wait);
            }
        }
    }
}
function readFlow(item, call) {
    const o = origin(call);
    const schedule = isObject(item.scheduleParams) ? item.scheduleParams : {};
    const options = isObject(item.options) ? item.options : {};
    const transformations = Array.isArray(item.transformations) ? item.transformations : [];
    const index = transformations.findIndex((t) => isObject(t) && t.name === 'Mapping');
    const mapping = transformations[index];
    const params = isObject(mapping) && isObject(mapping.params) ? mapping.params : undefined;
    const frequency = FREQUENCIES.find((f) => f === schedule.frequency);
    const interval = wholeNumber(schedule.interval);
    const startTime = wholeNumber(schedule.startTime);
    const backfill = booleanOf(schedule.backfill);
    const partial = wholeNumber(options.partialIngestionPercent);
    const diagnostics = booleanOf(options.errorDiagnosticsEnabled);
    const source = firstId(item.sourceConnectionIds);
    const target = firstId(item.targetConnectionIds);
    return {
        id: readId(item.id, 'id', o),
        etag: readEtag(item.etag, 'etag', o),
        name: client_str(item.name),
        ...(typeof item.description === 'string' && { description: item.description }),
        state: client_str(item.state),
        ...(source !== undefined && { sourceConnectionId: source }),
        ...(target !== undefined && { targetConnectionId: target }),
        ...(params !== undefined &&
            isId(params.mappingId) && { mapping: { index, id: params.mappingId, version: readVersion(params.mappingVersion ?? 0, call) } }),
        schedule: {
            ...(frequency !== undefined && { frequency }),
            ...(interval !== undefined && { interval }),
            ...(startTime !== undefined && { startTime }),
            ...(backfill !== undefined && { backfill })
        },
        options: {
            ...(partial !== undefined && { partialIngestionPercent: partial }),
            ...(diagnostics !== undefined && { errorDiagnosticsEnabled: diagnostics })
        },
        ...createdAtOf(item)
    };
}
function readPart(kind, item, call) {
    return kind === 'source' ? readSource(item, call) : readTarget(item, call);
}
function readCommon(item, call) {
    const o = origin(call);
    const etag = item.etag === undefined ? undefined : readEtag(item.etag, 'etag', o);
    return {
        id: readId(item.id, 'id', o),
        name: client_str(item.name),
        ...(typeof item.description === 'string' && { description: item.description }),
        ...(etag !== undefined && { etag }),
        ...createdAtOf(item)
    };
}
function readSource(item, call) {
    const data = isObject(item.data) ? item.data : {};
    const params = isObject(item.params) ? item.params : {};
    const properties = isObject(data.properties)
        ? Object.fromEntries(Object.entries(data.properties).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])))
        : {};
    return {
        ...readCommon(item, call),
        baseConnectionId: client_str(item.baseConnectionId),
        format: client_str(data.format),
        properties,
        path: client_str(params.path),
        recursive: booleanOf(params.recursive) ?? false
    };
}
function readTarget(item, call) {
    const data = isObject(item.data) ? item.data : {};
    const schema = isObject(data.schema) ? data.schema : {};
    const params = isObject(item.params) ? item.params : {};
    return { ...readCommon(item, call), datasetId: client_str(params.dataSetId), schemaId: client_str(schema.id) };
}
function readRun(item, call) {
    const metrics = isObject(item.metrics) ? item.metrics : {};
    const duration = isObject(metrics.durationSummary) ? metrics.durationSummary : {};
    const records = isObject(metrics.recordSummary) ? metrics.recordSummary : {};
    const status = isObject(metrics.statusSummary) ? metrics.statusSummary : {};
    const errors = Array.isArray(status.errors)
        ? status.errors.filter(isObject).map((e) => [client_str(e.code), client_str(e.message)].filter((p) => p !== '').join(': '))
        : [];
    const startedAt = wholeNumber(duration.startedAtUTC) ?? wholeNumber(item.createdAt);
    const completedAt = wholeNumber(duration.completedAtUTC);
    const read = wholeNumber(records.inputRecordCount);
    const written = wholeNumber(records.outputRecordCount);
    const failed = wholeNumber(records.failedRecordCount);
    return {
        id: readId(item.id, 'id', origin(call)),
        status: client_str(status.status),
        errors,
        ...(startedAt !== undefined && { startedAt }),
        ...(completedAt !== undefined && { completedAt }),
        ...(read !== undefined && { recordsRead: read }),
        ...(written !== undefined && { recordsWritten: written }),
        ...(failed !== undefined && { recordsFailed: failed })
    };
}
function problemOf(e) {
    const message = client_str(e.exception) || client_str(e.message) || client_str(e.errorMessage) || 'not valid';
    return {
        ...(typeof e.source === 'string' && { source: e.source }),
        ...(typeof e.destination === 'string' && { destination: e.destination }),
        message
    };
}
function errorText(json) {
    if (!isObject(json))
        return undefined;
    const text = json.message ?? json.detail ?? json.title;
    return typeof text === 'string' ? text : undefined;
}
const SCHEMA_ID = /^https:\/\/ns\.adobe\.com\/[\w.\-/]{1,400}$/;
function readSchemaId(value, call) {
    if (typeof value === 'string' && SCHEMA_ID.test(value))
        return value;
    throw new UnexpectedResponseError(call.service, call.label, `"schemaRef.id" is not an XDM schema id (https://ns.adobe.com/...)`);
}
function readVersion(value, call) {
    const n = wholeNumber(value);
    if (n !== undefined && n < 1_000_000)
        return n;
    throw new UnexpectedResponseError(call.service, call.label, '"version" is not a mapping set version (a whole number)');
}
function written(res, call) {
    const body = object(res, call);
    return { id: readId(body.id, 'id', origin(call)), etag: readEtag(body.etag, 'etag', origin(call)) };
}
function firstId(value) {
    const first = Array.isArray(value) ? value[0] : undefined;
    return isId(first) ? first : undefined;
}
function object(res, call) {
    if (!isObject(res.json))
        throw unexpected(call, 'not a JSON object');
    return res.json;
}
function booleanOf(value) {
    if (typeof value === 'boolean')
        return value;
    if (value === 'true' || value === 'false')
        return value === 'true';
    return undefined;
}
function client_str(value) {
    return typeof value === 'string' ? value : '';
}
function origin(call) {
    return { service: call.service, label: call.label };
}
function unexpected(call, problem) {
    return new UnexpectedResponseError(call.service, call.label, problem);
}

;// CONCATENATED MODULE: ./src/dataflow/deps.ts
class IncompleteError extends Error {
    outcome;
    constructor(message, outcome) {
        super(message);
        this.outcome = outcome;
        this.name = 'IncompleteError';
    }
}

;// CONCATENATED MODULE: ./src/platform/dry-run.ts


class DryRunPlan {
    target;
    steps = [];
    constructor(target) {
        this.target = target;
    }
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
    call(when, call) {
        const [requestLine = '', ...rest] = describeCall(call, this.target);
        const shown = requestLine.replace(/%7B([A-Za-z](?:[\w-]|%20)*)%7D/g, (_, name) => `{${name.replace(/%20/g, ' ')}}`);
        return this.step(when, [shown, ...rest]);
    }
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
function dryRunTarget(session, baseUrls) {
    return { clientId: session.clientId, imsOrgId: session.imsOrgId, sandboxName: session.sandboxName, baseUrls };
}

;// CONCATENATED MODULE: ./src/platform/input-reader.ts



const MAX_NAME_LENGTH = 200;
const MAX_DESCRIPTION_LENGTH = 1024;
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1 ? (problems[0] ?? '') : `Invalid inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}
const CONTROL = /[\u0000-\u001f\u007f]/;
const WHITESPACE = /\s/;
class InputReader {
    getInput;
    defaults;
    problems = [];
    constructor(getInput, defaults) {
        this.getInput = getInput;
        this.defaults = defaults;
    }
    raw(name) {
        return this.getInput(name).trim();
    }
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
    isSet(name) {
        const value = this.raw(name);
        return value !== '' && value !== (this.defaults[name] ?? '');
    }
    name(name, hint) {
        const value = this.required(name, `${hint}; the name is also how a later run finds it`);
        this.check(name, value, (v) => !hasControl(v) && v.length <= MAX_NAME_LENGTH, `must be one line of at most ${MAX_NAME_LENGTH} characters`);
        return value;
    }
    description() {
        const value = this.optional('description');
        this.check('description', value, (v) => v.length <= MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
        return value;
    }
    fail(problem) {
        this.problems.push(problem);
    }
    check(name, value, ok, accepted) {
        if (value !== undefined && value !== '' && !ok(value))
            this.fail(`Input '${name}' ${accepted}.`);
    }
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
    requiredChoice(name, choices, hint) {
        const value = this.required(name, hint);
        const chosen = choices.find((c) => c === value);
        if (chosen !== undefined)
            return chosen;
        if (value !== '')
            this.fail(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}; got '${printable(value)}'.`);
        return choices[0];
    }
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
    secret(name, value, what, hint = '') {
        this.check(name, value, singleToken, `must be a single line without spaces; check that the whole ${what} was pasted${hint}`);
        this.check(name, value, (v) => !singleToken(v) || v.length >= MIN_SECRET_LENGTH, `is ${value?.length ?? 0} characters long, shorter than any real ${what} (${MIN_SECRET_LENGTH} at least); check that the right secret is passed`);
    }
    baseUrl(name) {
        const value = this.withDefault(name);
        return this.checkedUrl(name, value, this.defaultOf(name)) ?? value;
    }
    checkedUrl(name, value, example) {
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
function withoutUserinfo(value) {
    const scheme = value.indexOf('//');
    const at = value.lastIndexOf('@');
    if (at === -1)
        return value;
    return scheme !== -1 && scheme < at ? `${value.slice(0, scheme + 2)}***@${value.slice(at + 1)}` : `***@${value.slice(at + 1)}`;
}
function printable(value) {
    return oneLine(value, 80);
}

;// CONCATENATED MODULE: ./src/dataflow/dry-run.ts




const MARK_SHOWN = '00000000';
function describeDryRun(config, mappings, description, nowMs) {
    const plan = new DryRunPlan(dryRunTarget(config.session, config.baseUrls)).token(config.session);
    const schema = '{schema id of the dataset}';
    const names = partNames(config.name);
    const marked = withMark(description, { token: MARK_SHOWN, until: nowMs + config.session.timeoutSeconds * 1000 }, MAX_DESCRIPTION_LENGTH);
    plan.call('Read the dataset (for its schema), with the next three', datasetCall(config.datasetId));
    plan.call('Find the dataflow by name and spec (every page is read)', flowLookupCall(config.name));
    plan.call('Find the source connections named after it (what earlier runs left)', partLookupCall('source', names.source));
    plan.call('Find the target connections named after it', partLookupCall('target', names.target));
    if (mappings !== undefined)
        plan.call('Validate the mapping with Data Prep, before any write', validateMappingCall(mappingSetBody(schema, mappings)));
    plan.call(`When none exists: the source connection, marked with the run's mark (a random ${MARK_SHOWN}) until the run confirms it, with the next two`, createPartCall('source', sourceBody(config.source, config.connectionId, names.source, marked)));
    plan.call('When none exists: the target connection, marked', createPartCall('target', targetBody(config.datasetId, schema, names.target, marked)));
    if (mappings !== undefined)
        plan.call('When none exists: the mapping set', createMappingCall(mappingSetBody(schema, mappings)));
    const startTime = config.schedule.startTime ?? Math.floor(nowMs / 1000) + 60;
    const ids = {
        source: '{source connection id}',
        target: '{target connection id}',
        ...(mappings !== undefined && { mapping: { id: '{mapping set id}', version: 0 } })
    };
    plan.call('When none exists: the dataflow, marked (its start time is computed again for every attempt)', createFlowCall(flowBody(config, marked, ids, { ...config.schedule, startTime })));
    const unmark = [{ op: 'replace', path: '/description', value: description }];
    plan.call('After a create: list again, and keep the oldest if a concurrent run created one too; meanwhile the connections lose their mark', flowLookupCall(config.name));
    plan.call('After a create: the source connection (and the target connection) lose the mark', patchPartCall('source', '{source connection id}', '{its etag}', unmark));
    if (!config.enabled)
        plan.call('After a create: disable the dataflow (enabled: false)', flowActionCall('{dataflow id}', 'disable'));
    plan.call('After a create that this run keeps: the dataflow loses the mark', patchFlowCall('{dataflow id}', '{its etag}', unmark));
    if (mappings !== undefined)
        plan.call('When one exists: its mapping set, the version it uses', getMappingCall('{mapping set id}', 0));
    plan.note(`When one exists (if-exists: ${config.ifExists}): compare, then PATCH /flows/{id} with If-Match for what differs in place (description, schedule, options, mapping); ${config.onSourceChange === 'replace' ? 'replace the chain when the source or dataset differs (the old dataflow is disabled first, and recorded as replaced before it is deleted)' : 'fail when the source or dataset differs'}`);
    plan.note('What earlier runs left (marked parts of a run that was stopped, connections no dataflow uses) is finished or deleted, and said');
    if (config.waitForRun)
        plan.call(`Then look at its runs until the first after the write ends (within ${config.waitMinutes} min)`, runsCall('{dataflow id}'));
    return plan.lines();
}

;// CONCATENATED MODULE: ./src/platform/lag.ts
const LAG_SCHEDULE_MS = [0, 500, 1000, 2000, 2000];
async function untilSeen(d, look, seen) {
    const [first = 0, ...later] = d.lagSchedule ?? LAG_SCHEDULE_MS;
    await d.clock.sleep(first);
    let last = await look();
    let looks = 1;
    for (const delay of later) {
        if (seen(last) || d.remainingMs() < delay + 1000)
            break;
        await d.clock.sleep(delay);
        last = await look();
        looks += 1;
    }
    return { last, seen: seen(last), looks };
}

;// CONCATENATED MODULE: ./src/platform/converge.ts


function survivorOf(items) {
    return [...items].sort((a, b) => (a.createdAt ?? Infinity) - (b.createdAt ?? Infinity) || compareIds(a.id, b.id))[0];
}
function compareIds(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
}
async function listWithOwn(d, list, ownId, readOwn) {
    const { last, seen } = await untilSeen(d, list, (items) => items.some((i) => sameId(i.id, ownId)));
    if (seen)
        return { kind: 'listed', items: last, lagging: false };
    const own = await readOwn();
    if (own === undefined)
        return { kind: 'gone', items: last };
    if (own.createdAt === undefined)
        return { kind: 'undated', own };
    return { kind: 'listed', items: [...last, own], lagging: true };
}

;// CONCATENATED MODULE: ./src/dataflow/decide.ts






const MAX_IDS_SHOWN = 10;
function plan(observed, wanted, nowMs) {
    const standing = (flow) => standingOf(flow, observed.chains, nowMs);
    const committed = observed.chains.filter((c) => standing(c.flow) === 'committed');
    const abandoned = observed.chains.filter((c) => standing(c.flow) === 'abandoned');
    const retired = observed.chains.filter((c) => standing(c.flow) === 'retired');
    const inProgress = observed.chains.filter((c) => standing(c.flow) === 'in-progress');
    const nothing = { removed: [], orphans: [], unmarked: [] };
    if (committed.length > 1)
        return { leftovers: nothing, decision: { kind: 'fail', reason: duplicates(committed, wanted.name) }, inProgress };
    const [current] = committed;
    const wants = (chain) => complete(chain) && sourceDifferences(chain, wanted).length === 0;
    const candidates = abandoned.filter((c) => wants(c) && (current === undefined || !wants(current)));
    const adopted = survivorOf(candidates.map((c) => c.flow));
    const adoptedChain = abandoned.find((c) => adopted !== undefined && sameId(c.flow.id, adopted.id));
    const removed = [
        ...retired.map((chain) => ({ chain, why: `replaced by dataflow ${successorIn(chain.flow.description) ?? ''}` })),
        ...abandoned
            .filter((c) => c !== adoptedChain)
            .map((chain) => ({ chain, why: 'left by a run that was stopped before it finished, and not what the inputs ask for' })),
        ...(adoptedChain !== undefined && current !== undefined
            ? [{ chain: current, why: `replaced by dataflow ${adoptedChain.flow.id}, which a run that was stopped had built to replace it` }]
            : [])
    ];
    const stays = adoptedChain ?? current;
    const leftovers = {
        ...(adoptedChain !== undefined && { adopted: adoptedChain }),
        removed,
        ...partsLeft(observed, stays, inProgress, removed, nowMs)
    };
    const decision = stays === undefined ? { kind: 'create', changes: createChanges(wanted) } : decideFor(stays, wanted);
    return { leftovers, decision: withLeftoverChanges(decision, leftovers), inProgress };
}
function decideFor(chain, wanted) {
    if (wanted.ifExists === 'fail') {
        return {
            kind: 'fail',
            reason: `A dataflow named ${quoted(wanted.name)} already exists (${chain.flow.id}), and if-exists is 'fail'. Use 'update' or 'reuse', or choose another dataflow-name.`
        };
    }
    const sourceChanges = sourceDifferences(chain, wanted);
    const { steps, changes } = inPlace(chain, wanted);
    if (wanted.ifExists === 'reuse') {
        const notApplied = [...sourceChanges, ...changes].map((c) => ({ ...c, action: 'not applied', note: 'if-exists is reuse' }));
        const cleanUp = leftoverInDescription(chain.flow);
        return cleanUp === undefined
            ? { kind: 'reuse', chain, changes: notApplied }
            : { kind: 'update', chain, steps: { patch: [cleanUp.operation] }, changes: [cleanUp.change, ...notApplied] };
    }
    if (sourceChanges.length > 0) {
        if (wanted.onSourceChange === 'fail') {
            const lines = sourceChanges.map((c) => `${c.object} ${c.field ?? ''}: is ${show(c.from)}, the inputs ask for ${show(c.to)}`);
            return {
                kind: 'fail',
                reason: `Dataflow ${chain.flow.id} (${quoted(wanted.name)}) reads another source or writes another dataset than the inputs ask for, and Adobe advises against patching those; nothing was changed (on-source-change: fail):\n${lines.map((l) => `- ${l}`).join('\n')}\nSet on-source-change: replace to build a new source connection, target connection and dataflow and delete the old ones, or choose another dataflow-name.`
            };
        }
        return replaceDecision(chain, wanted, sourceChanges);
    }
    const writes = steps.patch.length > 0 || steps.mapping !== undefined || steps.enable !== undefined;
    return writes ? { kind: 'update', chain, steps, changes } : { kind: 'reuse', chain, changes };
}
function standingOf(flow, chains, nowMs) {
    const successor = successorIn(flow.description);
    if (successor !== undefined && chains.some((c) => sameId(c.flow.id, successor)))
        return 'retired';
    if (chains.some((c) => sameId(successorIn(c.flow.description) ?? '', flow.id)))
        return 'committed';
    return ownershipOf(flow.description, undefined, nowMs);
}
function partsLeft(observed, stays, inProgress, removed, nowMs) {
    const orphans = [];
    const unmarked = [];
    const goingWith = (id) => removed.some(({ chain }) => [chain.source?.id, chain.target?.id].some((p) => sameId(p ?? '', id)));
    const parts = [
        ...observed.sources.map((part) => ({ kind: 'source', part })),
        ...observed.targets.map((part) => ({ kind: 'target', part }))
    ];
    for (const { kind, part } of parts) {
        const ownership = ownershipOf(part.description, undefined, nowMs);
        if (ownership === 'in-progress' || goingWith(part.id))
            continue;
        const usedBy = (chain) => sameId((kind === 'source' ? chain.flow.sourceConnectionId : chain.flow.targetConnectionId) ?? '', part.id);
        if (stays !== undefined && usedBy(stays)) {
            if (ownership === 'abandoned')
                unmarked.push({ kind, part });
            continue;
        }
        const used = observed.chains.some(usedBy) || inProgress.some(usedBy) || observed.usedElsewhere.has(part.id.toLowerCase());
        if (!used)
            orphans.push({ kind, part });
    }
    return { orphans, unmarked };
}
function withLeftoverChanges(decision, leftovers) {
    if (decision.kind === 'fail')
        return decision;
    const changes = [
        ...leftovers.removed.map(({ chain, why }) => ({ action: 'delete', object: 'dataflow', from: chain.flow.id, note: why })),
        ...leftovers.orphans.map(({ kind, part }) => ({
            action: 'delete',
            object: kind === 'source' ? 'source connection' : 'target connection',
            from: part.id,
            note: 'no dataflow uses it; an earlier run left it'
        }))
    ];
    return changes.length === 0 ? decision : { ...decision, changes: [...changes, ...decision.changes] };
}
function complete(chain) {
    return chain.source !== undefined && chain.target !== undefined;
}
function duplicates(chains, name) {
    const shown = chains.slice(0, MAX_IDS_SHOWN).map((c) => c.flow.id);
    const more = chains.length > shown.length ? ` and ${chains.length - shown.length} more` : '';
    return `${chains.length} dataflows named ${quoted(name)} exist (${shown.join(', ')}${more}); the action needs at most one, so nothing was changed. Delete the extra ones, or choose another dataflow-name.`;
}
function createChanges(wanted, reusedMapping = false) {
    return [
        { action: 'create', object: 'source connection' },
        { action: 'create', object: 'target connection' },
        ...(wanted.mappings !== undefined && !reusedMapping ? [{ action: 'create', object: 'mapping set' }] : []),
        { action: 'create', object: 'dataflow' }
    ];
}
function replaceDecision(chain, wanted, sourceChanges) {
    const { mapping } = chain.flow;
    const fits = mapping !== undefined &&
        chain.mapping !== undefined &&
        wanted.mappings !== undefined &&
        chain.target?.schemaId !== undefined &&
        sameMappings(chain.mapping.mappings, wanted.mappings);
    const reuseMapping = fits ? { id: mapping.id, version: mapping.version } : undefined;
    const kept = reuseMapping !== undefined ? `, with mapping set ${reuseMapping.id} version ${reuseMapping.version} as it is` : '';
    const changes = [
        ...sourceChanges.map((c) => ({ ...c, action: 'replace' })),
        ...createChanges(wanted, reuseMapping !== undefined).map((c) => ({
            ...c,
            note: `the replacement${c.object === 'dataflow' ? kept : ''}`
        })),
        { action: 'delete', object: 'dataflow', from: chain.flow.id },
        ...(chain.source !== undefined ? [{ action: 'delete', object: 'source connection', from: chain.source.id }] : []),
        ...(chain.target !== undefined ? [{ action: 'delete', object: 'target connection', from: chain.target.id }] : [])
    ];
    return { kind: 'replace', chain, ...(reuseMapping !== undefined && { reuseMapping }), changes };
}
function normalPath(path) {
    return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
function sourceDifferences(chain, wanted) {
    const changes = [];
    const differ = (object, field, from, to) => {
        if (JSON.stringify(from) !== JSON.stringify(to))
            changes.push({ action: 'replace', object, field, from, to });
    };
    const { source, target } = chain;
    if (source !== undefined) {
        differ('source connection', 'baseConnectionId', source.baseConnectionId.toLowerCase(), wanted.baseConnectionId.toLowerCase());
        if (normalPath(source.path) !== normalPath(wanted.source.path))
            differ('source connection', 'path', source.path, wanted.source.path);
        differ('source connection', 'format', source.format, wanted.source.format);
        differ('source connection', 'recursive', source.recursive, wanted.source.recursive);
        const wantedProperties = fileProperties(wanted.source);
        for (const key of new Set([...Object.keys(source.properties), ...Object.keys(wantedProperties)])) {
            differ('source connection', `properties.${key}`, source.properties[key] ?? defaultProperty(key, source.format), wantedProperties[key] ?? defaultProperty(key, wanted.source.format));
        }
    }
    if (target !== undefined)
        differ('target connection', 'dataSetId', target.datasetId, wanted.datasetId);
    return changes;
}
function defaultProperty(key, format) {
    if (format !== 'delimited')
        return undefined;
    return key === 'columnDelimiter' ? ',' : key === 'encoding' ? 'UTF-8' : undefined;
}
function inPlace(chain, wanted) {
    const { flow } = chain;
    const patch = [];
    const changes = [];
    const update = (field, from, to, note) => void changes.push({ action: 'update', object: 'dataflow', field, from, to, ...(note !== undefined && { note }) });
    const clean = flow.description === undefined ? undefined : cleanText(flow.description);
    const description = wanted.description ?? clean;
    if (description !== undefined && flow.description !== description) {
        patch.push({ op: flow.description === undefined ? 'add' : 'replace', path: '/description', value: description });
        if (clean !== description)
            update('description', clean, description);
        else
            changes.push(leftoverChange(flow.description));
    }
    scheduleChanges(flow, wanted.schedule, patch, changes);
    const options = optionsOf(wanted);
    const current = {
        ...(flow.options.partialIngestionPercent !== undefined && { partialIngestionPercent: flow.options.partialIngestionPercent }),
        ...(flow.options.errorDiagnosticsEnabled === true && { errorDiagnosticsEnabled: true })
    };
    if (JSON.stringify(sorted(current)) !== JSON.stringify(sorted(options))) {
        patch.push({ op: 'replace', path: '/options', value: options });
        update('options', current, options);
    }
    const mapping = mappingChange(chain, wanted, patch, changes);
    const enabled = flow.state === 'enabled';
    if (enabled !== wanted.enabled)
        update('state', flow.state, wanted.enabled ? 'enabled' : 'disabled');
    return {
        steps: { patch, ...(mapping !== undefined && { mapping }), ...(enabled !== wanted.enabled && { enable: wanted.enabled }) },
        changes
    };
}
function leftoverInDescription(flow) {
    if (flow.description === undefined)
        return undefined;
    const clean = cleanText(flow.description);
    if (clean === flow.description)
        return undefined;
    return { operation: { op: 'replace', path: '/description', value: clean }, change: leftoverChange(flow.description) };
}
function leftoverChange(description) {
    const note = markIn(description) !== undefined
        ? 'the mark of the run that created it comes out: it is confirmed'
        : 'the record of a replacement that did not happen comes out';
    return { action: 'update', object: 'dataflow', field: 'description', note };
}
function scheduleChanges(flow, wanted, patch, changes) {
    const now = flow.schedule;
    const notApplied = (field, from, to, note) => void changes.push({ action: 'not applied', object: 'dataflow', field, from, to, note });
    if (now.frequency !== wanted.frequency) {
        if (wanted.frequency === 'once') {
            notApplied('scheduleParams.frequency', now.frequency, 'once', 'a scheduled dataflow cannot become once; replace it (a new dataflow-name) to run it once');
        }
        else {
            patch.push({ op: 'replace', path: '/scheduleParams/frequency', value: wanted.frequency });
            changes.push({ action: 'update', object: 'dataflow', field: 'scheduleParams.frequency', from: now.frequency, to: wanted.frequency });
        }
    }
    if (wanted.frequency !== 'once' && wanted.interval !== undefined && now.interval !== wanted.interval) {
        patch.push({ op: now.interval === undefined ? 'add' : 'replace', path: '/scheduleParams/interval', value: wanted.interval });
        changes.push({ action: 'update', object: 'dataflow', field: 'scheduleParams.interval', from: now.interval, to: wanted.interval });
    }
    if (wanted.startTime !== undefined && now.startTime !== wanted.startTime) {
        notApplied('scheduleParams.startTime', now.startTime, wanted.startTime, 'start-time is used only when a dataflow is created');
    }
    if (wanted.backfill !== undefined && now.backfill !== undefined && now.backfill !== wanted.backfill) {
        notApplied('scheduleParams.backfill', now.backfill, wanted.backfill, 'backfill is used only when a dataflow is created');
    }
}
function mappingChange(chain, wanted, patch, changes) {
    const { flow, mapping } = chain;
    if (wanted.mappings === undefined) {
        if (flow.mapping === undefined)
            return undefined;
        patch.push({ op: 'remove', path: `/transformations/${flow.mapping.index}` });
        changes.push({
            action: 'delete',
            object: 'mapping set',
            field: 'transformation',
            from: flow.mapping.id,
            note: 'the dataflow no longer maps (no mapping input)'
        });
        return undefined;
    }
    if (flow.mapping === undefined || mapping === undefined) {
        changes.push({ action: 'create', object: 'mapping set', note: 'the dataflow had no mapping' });
        return { kind: 'new-set' };
    }
    if (sameMappings(mapping.mappings, wanted.mappings))
        return undefined;
    changes.push({
        action: 'update',
        object: 'mapping set',
        field: 'mappings',
        from: `version ${mapping.version} (${mapping.mappings.length} mappings)`,
        to: `a new version (${wanted.mappings.length} mappings)`
    });
    return { kind: 'new-version', mappingId: flow.mapping.id, index: flow.mapping.index };
}
function transformationOperation(steps, mapping) {
    const value = mappingTransformation(mapping);
    return steps.mapping?.kind === 'new-version'
        ? { op: 'replace', path: `/transformations/${steps.mapping.index}`, value }
        : { op: 'add', path: '/transformations/-', value };
}
function sorted(value) {
    return Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
}
function show(value) {
    return value === undefined ? '(none)' : JSON.stringify(value);
}
function startInPast(schedule, nowMs) {
    return schedule.startTime !== undefined && schedule.startTime * 1000 < nowMs;
}

;// CONCATENATED MODULE: ./src/dataflow/build.ts










const DEFAULT_START_DELAY_S = 60;
async function build(d, ask, dataset, making, reuseMapping) {
    const { wanted } = ask;
    if (startInPast(wanted.schedule, d.clock.now())) {
        throw new ConflictError(`Input 'start-time' (${new Date((wanted.schedule.startTime ?? 0) * 1000).toISOString()}) has passed, and a dataflow cannot be created to start in the past; give a later one, or leave it empty (60 s from now).`);
    }
    const names = partNames(wanted.name);
    const description = withMark(ask.description, d.mark, MAX_DESCRIPTION_LENGTH);
    const source = sourceBody(wanted.source, wanted.baseConnectionId, names.source, description);
    const target = targetBody(wanted.datasetId, dataset.schemaId, names.target, description);
    const [madeSource, madeTarget, mapping] = await Promise.allSettled([
        tracked(making, 'source', () => d.client.createPart('source', source, () => lookForOwnPart(d, 'source', names.source, (p) => samePlace(p, source)))),
        tracked(making, 'target', () => d.client.createPart('target', target, () => lookForOwnPart(d, 'target', names.target, (p) => 'datasetId' in p && p.datasetId === wanted.datasetId))),
        wanted.mappings === undefined ? undefined : (reuseMapping ?? d.client.createMapping(mappingSetBody(dataset.schemaId, wanted.mappings)))
    ]);
    if (mapping.status === 'fulfilled' && mapping.value !== undefined)
        making.mapping = mapping.value;
    for (const result of [madeSource, madeTarget, mapping])
        if (result.status === 'rejected')
            throw result.reason;
    const ids = {
        source: making.source?.id ?? '',
        target: making.target?.id ?? '',
        ...(making.mapping !== undefined && { mapping: making.mapping })
    };
    const body = () => {
        const startTime = wanted.schedule.startTime ?? Math.floor(d.clock.now() / 1000) + DEFAULT_START_DELAY_S;
        return flowBody(wanted, description, ids, { ...wanted.schedule, startTime });
    };
    const flow = await tracked(making, 'flow', () => d.client.createFlow(body, () => resentUnless(making, 'flow', lookForOwnFlow(d, wanted.name, ids.source))));
    return {
        flow,
        source: making.source ?? flow,
        target: making.target ?? flow,
        ...(making.mapping !== undefined && { mapping: making.mapping })
    };
}
async function tracked(making, kind, create) {
    try {
        const made = await create();
        making[kind] = made;
        return made;
    }
    catch (error) {
        if (mayHaveTakenEffect(error))
            making.uncertain.add(kind);
        throw error;
    }
}
async function resentUnless(making, kind, found) {
    const id = await found;
    if (id === undefined)
        making.resent.add(kind);
    return id;
}
function samePlace(part, body) {
    return 'path' in part && sameId(part.baseConnectionId, body.baseConnectionId) && normalPath(part.path) === normalPath(body.params.path);
}
async function lookForOwnPart(d, kind, name, same) {
    const own = (p) => markIn(p.description)?.token === d.mark.token && same(p);
    const look = () => (kind === 'source' ? d.client.findParts('source', name) : d.client.findParts('target', name));
    const { last } = await untilSeen(d, look, (parts) => parts.some(own));
    const found = last.find(own);
    d.log(found !== undefined
        ? `The ${PART_NAMES[kind]} ${found.id} with this run's mark appeared after its create's answer was lost: it is this run's.`
        : `No ${PART_NAMES[kind]} with this run's mark appeared after the create whose outcome is unknown: sending it again.`);
    return found?.id;
}
async function lookForOwnFlow(d, name, sourceId) {
    const own = (f) => markIn(f.description)?.token === d.mark.token && sameId(f.sourceConnectionId ?? '', sourceId);
    const { last } = await untilSeen(d, () => d.client.findFlows(name), (flows) => flows.some(own));
    const found = last.find(own);
    d.log(found !== undefined
        ? `Dataflow ${found.id} with this run's mark appeared after its create's answer was lost: it is this run's.`
        : `No dataflow with this run's mark appeared after the create whose outcome is unknown: sending it again.`);
    return found?.id;
}
async function converge(d, ask, built, setAside) {
    const own = built.flow.id;
    const [listed] = await Promise.all([
        listWithOwn(d, () => d.client.findFlows(ask.wanted.name), own, () => d.client.getFlow(own)),
        unmarkPart(d, 'source', built.source, ask.description),
        unmarkPart(d, 'target', built.target, ask.description)
    ]);
    if (listed.kind === 'undated') {
        d.warn(`Dataflow ${own} does not show in GET /flows yet, and has no creation time: it is kept, even if another run created ${quoted(ask.wanted.name)} at the same time.`);
        return { kind: 'won' };
    }
    const copy = (f) => markIn(f.description)?.token === d.mark.token && !sameId(f.id, own);
    const candidates = listed.items.filter((f) => !setAside.has(f.id.toLowerCase()) && successorIn(f.description) === undefined && !copy(f));
    if (listed.kind === 'gone' && candidates.length === 0)
        throw new ConflictError(`Dataflow ${own} was deleted while this run converged on ${quoted(ask.wanted.name)}, and no other shows; run again.`);
    if (listed.kind === 'listed' && listed.lagging)
        d.warn(`Dataflow ${own} does not show in GET /flows yet: it is compared by creation time with the ${listed.items.length - 1} listed.`);
    const survivor = [...candidates].sort((a, b) => (a.createdAt ?? Infinity) - (b.createdAt ?? Infinity) || (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : 1))[0];
    return survivor === undefined || sameId(survivor.id, own) ? { kind: 'won' } : { kind: 'lost', survivor };
}
async function unmarkPart(d, kind, made, description) {
    try {
        await unmark(d, { id: made.id, ...(made.kind === 'created' && made.etag !== undefined && { etag: made.etag }) }, description, {
            read: async () => (kind === 'source' ? d.client.getPart('source', made.id) : d.client.getPart('target', made.id)),
            patch: (etag, ops) => d.client.patchPart(kind, made.id, etag, ops)
        });
    }
    catch (error) {
        d.warn(`The ${PART_NAMES[kind]} ${made.id} still carries this run's mark: ${errorMessage(error)}. The next run takes it out.`);
    }
}
const UNMARK_ATTEMPTS = 4;
async function unmark(d, item, description, io) {
    let etag = item.etag;
    for (let attempt = 1; attempt <= UNMARK_ATTEMPTS; attempt++) {
        if (etag === undefined || attempt > 1) {
            const current = await io.read();
            if (current === undefined)
                throw new Error(`${item.id} is gone`);
            if (markIn(current.description)?.token !== d.mark.token)
                return undefined;
            etag = current.etag;
            if (etag === undefined)
                throw new Error(`${item.id} has no etag`);
        }
        const result = await io.patch(etag, [{ op: 'replace', path: '/description', value: cleanText(description) }]);
        if (result !== 'stale')
            return result;
    }
    throw new Error(`its etag changed ${UNMARK_ATTEMPTS} times while this run wrote it`);
}
async function deleteCopies(d, making, name) {
    if (making.resent.size === 0)
        return;
    const names = partNames(name);
    const own = (item, used) => markIn(item.description)?.token === d.mark.token && !sameId(item.id, used ?? '');
    if (making.resent.has('flow')) {
        const copies = (await d.client.findFlows(name)).filter((f) => own(f, making.flow?.id));
        await Promise.all(copies.map((f) => tryDelete(d, PART_NAMES.flow, f.id, () => d.cleanup.deleteFlow(f.id))));
    }
    await Promise.all(['source', 'target']
        .filter((kind) => making.resent.has(kind))
        .map(async (kind) => {
        const listed = kind === 'source' ? await d.client.findParts('source', names.source) : await d.client.findParts('target', names.target);
        const copies = listed.filter((p) => own(p, making[kind]?.id));
        if (copies.length > 0)
            d.log(`This run's ${PART_NAMES[kind]} create took effect more than once after a lost answer: deleting the copies (${copies.map((c) => c.id).join(', ')}).`);
        await Promise.all(copies.map((c) => tryDelete(d, PART_NAMES[kind], c.id, () => d.cleanup.deletePart(kind, c.id))));
    }));
}
async function undo(d, making, name) {
    const client = d.cleanup;
    const flow = making.flow?.id ?? (making.uncertain.has('flow') ? await findMarked(d, client, 'flow', name) : undefined);
    if (flow !== undefined && !(await tryDelete(d, PART_NAMES.flow, flow, () => client.deleteFlow(flow))))
        return;
    await Promise.all(['source', 'target'].map(async (kind) => {
        const id = making[kind]?.id ?? (making.uncertain.has(kind) ? await findMarked(d, client, kind, name) : undefined);
        if (id !== undefined)
            await tryDelete(d, PART_NAMES[kind], id, () => client.deletePart(kind, id));
    }));
}
async function findMarked(d, client, kind, name) {
    const names = partNames(name);
    try {
        const items = kind === 'flow'
            ? await client.findFlows(name)
            : kind === 'source'
                ? await client.findParts('source', names.source)
                : await client.findParts('target', names.target);
        const found = items.find((i) => markIn(i.description)?.token === d.mark.token)?.id;
        if (found !== undefined)
            d.ledger.made(PART_NAMES[kind], found);
        return found;
    }
    catch (error) {
        d.warn(`Could not look for a ${PART_NAMES[kind]} this run may have made: ${errorMessage(error)}`);
        return undefined;
    }
}
async function tryDelete(d, what, id, remove) {
    try {
        await remove();
        return true;
    }
    catch (error) {
        d.warn(`Could not delete ${what} ${id}, made by this run: ${errorMessage(error)}. It carries this run's mark; a later run with this dataflow-name removes it.`);
        return false;
    }
}

;// CONCATENATED MODULE: ./src/dataflow/leftovers.ts





async function clearLeftovers(d, leftovers) {
    const { adopted } = leftovers;
    const committedOld = leftovers.removed.filter(({ chain }) => isCommitted(chain.flow));
    if (adopted !== undefined)
        await Promise.all(committedOld.map(({ chain }) => retire(d, chain.flow, adopted.flow.id)));
    const deleted = Promise.all([
        ...leftovers.removed.map(({ chain, why }) => removeChain(d, chain, why)),
        ...leftovers.orphans.map(({ kind, part }) => removePart(d, kind, part.id, 'no dataflow uses it; an earlier run left it')),
        ...leftovers.unmarked.map(({ kind, part }) => confirmPart(d, kind, part))
    ]).then(() => undefined);
    return { deleted };
}
function isCommitted(flow) {
    return markIn(flow.description) === undefined && successorIn(flow.description) === undefined;
}
async function retire(d, flow, successorId) {
    let current = flow;
    for (let attempt = 1; attempt <= 3 && current !== undefined; attempt++) {
        if (sameId(successorIn(current.description) ?? '', successorId))
            return;
        const value = withRetirement(current.description ?? '', successorId, MAX_DESCRIPTION_LENGTH);
        const op = current.description === undefined ? 'add' : 'replace';
        const result = await d.client.patchFlow(current.id, current.etag, [{ op, path: '/description', value }]);
        if (result !== 'stale')
            return;
        current = await d.client.getFlow(flow.id);
    }
    if (current === undefined)
        return;
    throw new Error(`dataflow ${flow.id} kept changing while this run recorded that ${successorId} replaces it`);
}
async function removeChain(d, chain, why) {
    try {
        await d.cleanup.deleteFlow(chain.flow.id);
        d.log(`Deleted dataflow ${chain.flow.id}: ${why}.`);
    }
    catch (error) {
        d.warn(`Could not delete dataflow ${chain.flow.id} (${why}): ${errorMessage(error)}. The next run tries again.`);
        return;
    }
    const parts = [
        ['source', chain.source],
        ['target', chain.target]
    ];
    await Promise.all(parts.flatMap(([kind, part]) => (part !== undefined ? [removePart(d, kind, part.id, `dataflow ${chain.flow.id} was made of it`)] : [])));
}
async function removePart(d, kind, id, why) {
    try {
        await d.cleanup.deletePart(kind, id);
        d.log(`Deleted ${PART_NAMES[kind]} ${id}: ${why}.`);
    }
    catch (error) {
        d.warn(`Could not delete ${PART_NAMES[kind]} ${id} (${why}): ${errorMessage(error)}. The next run tries again.`);
    }
}
async function confirmPart(d, kind, part) {
    const clean = cleanText(part.description ?? '');
    try {
        const etag = part.etag ?? (await leftovers_readPart(d, kind, part.id))?.etag;
        if (etag === undefined)
            return;
        await d.client.patchPart(kind, part.id, etag, [{ op: 'replace', path: '/description', value: clean }]);
        d.log(`Took the mark of a run that was stopped out of ${PART_NAMES[kind]} ${part.id}: the dataflow that stays uses it.`);
    }
    catch (error) {
        d.warn(`Could not take the mark out of ${PART_NAMES[kind]} ${part.id}: ${errorMessage(error)}. The next run tries again.`);
    }
}
function leftovers_readPart(d, kind, id) {
    return kind === 'source' ? d.client.getPart('source', id) : d.client.getPart('target', id);
}

;// CONCATENATED MODULE: ./src/dataflow/observe.ts


async function observe(client, name, datasetId, alongside) {
    const names = partNames(name);
    const [dataset, flows, sources, targets] = await Promise.all([
        client.dataset(datasetId),
        client.findFlows(name),
        client.findParts('source', names.source),
        client.findParts('target', names.target)
    ]);
    const [chains, usedElsewhere] = await Promise.all([
        Promise.all(flows.map((flow) => chainOf(client, flow, sources, targets))),
        usedOutside(client, flows, sources, targets),
        alongside(dataset)
    ]);
    return { dataset, chains, sources, targets, usedElsewhere };
}
async function chainOf(client, flow, sources, targets) {
    const listed = (items, id) => id === undefined ? undefined : items.find((i) => sameId(i.id, id));
    const sourceId = flow.sourceConnectionId;
    const targetId = flow.targetConnectionId;
    const [source, target, mapping] = await Promise.all([
        listed(sources, sourceId) ?? (sourceId !== undefined ? client.getPart('source', sourceId) : undefined),
        listed(targets, targetId) ?? (targetId !== undefined ? client.getPart('target', targetId) : undefined),
        flow.mapping !== undefined ? client.getMapping(flow.mapping.id, flow.mapping.version) : undefined
    ]);
    return {
        flow,
        ...(source !== undefined && { source }),
        ...(target !== undefined && { target }),
        ...(mapping !== undefined && { mapping })
    };
}
async function usedOutside(client, flows, sources, targets) {
    const unused = (kind, id) => !flows.some((f) => sameId((kind === 'source' ? f.sourceConnectionId : f.targetConnectionId) ?? '', id));
    const asked = [
        ...sources.filter((s) => unused('source', s.id)).map((s) => ({ kind: 'source', id: s.id })),
        ...targets.filter((t) => unused('target', t.id)).map((t) => ({ kind: 'target', id: t.id }))
    ];
    const answers = await Promise.all(asked.map(async ({ kind, id }) => ({ id, users: await client.flowsUsing(kind, id) })));
    return new Set(answers.filter((a) => a.users.length > 0).map((a) => a.id.toLowerCase()));
}

;// CONCATENATED MODULE: ./src/dataflow/update.ts





const PATCH_ATTEMPTS = 3;
async function update(d, ask, dataset, chain, steps, changes) {
    const mapping = await writeMapping(d, ask, dataset, steps);
    let flow = chain.flow;
    let current = { steps, changes };
    let etag = flow.etag;
    for (let attempt = 1;; attempt++) {
        const operations = patchOperations(current.steps, mapping);
        if (operations.length === 0)
            break;
        const result = await d.client.patchFlow(flow.id, flow.etag, operations);
        if (result !== 'stale') {
            etag = result.etag;
            break;
        }
        if (attempt === PATCH_ATTEMPTS) {
            throw new ConflictError(`Dataflow ${flow.id} (${quoted(ask.wanted.name)}) changed ${PATCH_ATTEMPTS} times while this run updated it (412); something else is writing to it. Run again when it is done.`);
        }
        d.log(`Dataflow ${flow.id}'s etag is no longer the one read (412): reading it again and deciding again from what it holds now.`);
        const fresh = await d.client.getFlow(flow.id);
        if (fresh === undefined)
            throw new ConflictError(`Dataflow ${flow.id} was deleted while this run updated it.`);
        flow = fresh;
        etag = fresh.etag;
        current = again({ ...chain, flow: fresh }, ask, steps, changes);
    }
    const ids = idsOf({ ...chain, flow: { ...flow, etag } });
    const written = { ...ids, etag, ...(mapping !== undefined && { mapping }) };
    if (current.steps.enable !== undefined)
        written.etag = await setEnabled(d, flow, current.steps.enable, { operation: 'updated', ...written, changes: current.changes });
    return { operation: 'updated', ...written, changes: current.changes, wroteAt: d.clock.now() };
}
function again(chain, ask, first, firstChanges) {
    const fresh = inPlace(chain, ask.wanted);
    const mappingChanges = firstChanges.filter((c) => c.object === 'mapping set');
    return {
        steps: { ...fresh.steps, ...(first.mapping !== undefined ? { mapping: first.mapping } : {}) },
        changes: [...fresh.changes.filter((c) => c.object !== 'mapping set'), ...mappingChanges]
    };
}
async function setEnabled(d, flow, enabled, outcome) {
    try {
        return (await d.client.setEnabled(flow.id, enabled)).etag;
    }
    catch (error) {
        const read = await d.cleanup.getFlow(flow.id).catch(() => undefined);
        if (read !== undefined && read.state === (enabled ? 'enabled' : 'disabled'))
            return read.etag;
        const state = read?.state ?? (enabled ? 'disabled' : 'enabled, as far as this run knows');
        throw new IncompleteError(`Dataflow ${flow.id} could not be ${enabled ? 'enabled' : 'disabled'}, so it is still ${state}: ${errorMessage(error)}${enabled ? '' : ' It will run on its schedule until it is disabled: run again, or disable it in the Platform UI (Sources > Dataflows).'}`, read !== undefined ? { ...outcome, etag: read.etag } : outcome);
    }
}
function patchOperations(steps, mapping) {
    return [...steps.patch, ...(mapping !== undefined ? [transformationOperation(steps, mapping)] : [])];
}
async function writeMapping(d, ask, dataset, steps) {
    const mappings = ask.wanted.mappings;
    if (steps.mapping === undefined || mappings === undefined)
        return undefined;
    const body = mappingSetBody(dataset.schemaId, mappings);
    return steps.mapping.kind === 'new-version' ? d.client.putMapping(steps.mapping.mappingId, body) : d.client.createMapping(body);
}
function idsOf(chain) {
    const { flow } = chain;
    return {
        flowId: flow.id,
        etag: flow.etag,
        ...(flow.sourceConnectionId !== undefined && { sourceId: flow.sourceConnectionId }),
        ...(flow.targetConnectionId !== undefined && { targetId: flow.targetConnectionId }),
        ...(flow.mapping !== undefined && { mapping: { id: flow.mapping.id, version: flow.mapping.version } })
    };
}

;// CONCATENATED MODULE: ./src/dataflow/ensure.ts










class MappingInvalidError extends Error {
    constructor(problems) {
        const lines = problems.map((p) => `- ${[p.source !== undefined ? `source ${quoted(p.source)}` : '', p.destination !== undefined ? `destination ${quoted(p.destination)}` : ''].filter((s) => s !== '').join(' -> ') || 'mapping set'}: ${oneLine(p.message)}`);
        super(`Data Prep refused the mapping, so nothing was created or changed:\n${lines.join('\n')}`);
        this.name = 'MappingInvalidError';
    }
}
async function ensureDataflow(d, ask) {
    const { wanted } = ask;
    const observed = await observe(d.client, wanted.name, wanted.datasetId, (dataset) => validate(d, dataset, wanted));
    const { dataset, chains } = observed;
    d.log(`Dataset ${dataset.id} (${quoted(dataset.name)}) has schema ${dataset.schemaId}; found ${chains.length} dataflow(s) named ${quoted(wanted.name)}${chains.length > 0 ? ` (${chains.map((c) => c.flow.id).join(', ')})` : ''}.`);
    const decided = plan(observed, wanted, d.clock.now());
    if (ask.plan)
        return planned(decided);
    if (decided.decision.kind === 'fail')
        throw new ConflictError(decided.decision.reason);
    const leftovers = await clearLeftovers(d, decided.leftovers);
    try {
        return await carryOut(d, ask, dataset, decided.decision, setAside(decided));
    }
    finally {
        await leftovers.deleted;
    }
}
async function validate(d, dataset, wanted) {
    if (wanted.mappings === undefined)
        return;
    const problems = await d.client.validate(mappingSetBody(dataset.schemaId, wanted.mappings));
    if (problems.length > 0)
        throw new MappingInvalidError(problems);
    d.log(`Data Prep validated the mapping: ${wanted.mappings.length} mapping(s) into schema ${dataset.schemaId}.`);
}
function planned(decided) {
    const { decision } = decided;
    if (decision.kind === 'fail')
        throw new ConflictError(decision.reason);
    return { operation: 'planned', ...(decision.kind !== 'create' && idsOf(decision.chain)), changes: decision.changes };
}
function setAside(decided) {
    return new Set(decided.leftovers.removed.map(({ chain }) => chain.flow.id.toLowerCase()));
}
async function carryOut(d, ask, dataset, decision, aside) {
    switch (decision.kind) {
        case 'fail':
            throw new ConflictError(decision.reason);
        case 'reuse':
            return { operation: 'reused', ...idsOf(decision.chain), changes: decision.changes };
        case 'update':
            return update(d, ask, dataset, decision.chain, decision.steps, decision.changes);
        case 'create':
            return makeNew(d, ask, dataset, decision.changes, aside);
        case 'replace':
            return makeNew(d, ask, dataset, decision.changes, aside, decision.chain, decision.reuseMapping);
    }
}
async function makeNew(d, ask, dataset, changes, aside, old, reuseMapping) {
    const making = { uncertain: new Set(), resent: new Set() };
    let disabledOld = false;
    let built;
    let convergence;
    try {
        if (old !== undefined && old.flow.state === 'enabled') {
            const disabled = await d.client.setEnabled(old.flow.id, false);
            old = { ...old, flow: { ...old.flow, etag: disabled.etag, state: 'disabled' } };
            disabledOld = true;
            d.log(`Disabled dataflow ${old.flow.id} while its replacement is built: the two are never enabled at once.`);
        }
        built = await build(d, ask, dataset, making, reuseMapping);
        convergence = await converge(d, ask, built, new Set([...aside, ...(old !== undefined ? [old.flow.id.toLowerCase()] : [])]));
        await deleteCopies(d, making, ask.wanted.name);
        if (convergence.kind === 'won' && old !== undefined)
            await retire(d, old.flow, built.flow.id);
    }
    catch (error) {
        await undo(d, making, ask.wanted.name);
        if (disabledOld && old !== undefined)
            await enableAgain(d, old.flow);
        throw error;
    }
    if (convergence.kind === 'won')
        return commit(d, ask, built, changes, old);
    const { survivor } = convergence;
    d.log(`Another run created ${quoted(ask.wanted.name)} at the same time: keeping the oldest, ${survivor.id}, and deleting this run's ${built.flow.id} and its connections.`);
    await undo(d, making, ask.wanted.name);
    return asFound(d, ask, dataset, survivor);
}
async function commit(d, ask, built, changes, old) {
    const outcome = {
        operation: old !== undefined ? 'replaced' : 'created',
        flowId: built.flow.id,
        sourceId: built.source.id,
        targetId: built.target.id,
        ...(built.mapping !== undefined && { mapping: built.mapping }),
        changes,
        wroteAt: d.clock.now()
    };
    for (const id of [built.flow.id, built.source.id, built.target.id, ...(built.mapping !== undefined ? [built.mapping.id] : [])])
        d.ledger.kept(id);
    const [confirmed, removed] = await Promise.allSettled([
        confirmFlow(d, ask, built, outcome),
        old !== undefined ? removeOld(d, old) : undefined
    ]);
    if (confirmed.status === 'rejected')
        throw confirmed.reason;
    outcome.etag = confirmed.value;
    d.log(`${old !== undefined ? `Replaced dataflow ${old.flow.id} with` : 'Created'} dataflow ${built.flow.id}, source connection ${built.source.id}, target connection ${built.target.id}${built.mapping !== undefined ? `, mapping set ${built.mapping.id} version ${built.mapping.version}` : ''}.`);
    if (removed.status === 'rejected')
        throw new IncompleteError(errorMessage(removed.reason), outcome);
    return outcome;
}
async function confirmFlow(d, ask, built, outcome) {
    const created = built.flow.kind === 'created' ? built.flow.etag : undefined;
    const etag = ask.wanted.enabled ? created : await setEnabled(d, built.flow, false, outcome);
    const flow = built.flow.id;
    try {
        const written = await unmark(d, { id: flow, ...(etag !== undefined && { etag }) }, ask.description, {
            read: () => d.client.getFlow(flow),
            patch: (current, ops) => d.client.patchFlow(flow, current, ops)
        });
        if (written !== undefined)
            return written.etag;
    }
    catch (error) {
        d.warn(`Dataflow ${flow} still carries this run's mark: ${errorMessage(error)}. The next run takes it out.`);
    }
    const read = await d.cleanup.getFlow(flow);
    if (read === undefined)
        throw new ConflictError(`Dataflow ${flow} was deleted while this run confirmed it; run again.`);
    return read.etag;
}
async function removeOld(d, old) {
    const left = [];
    const next = 'the next run of this step deletes it and its connections';
    try {
        await d.client.deleteFlow(old.flow.id);
    }
    catch (error) {
        const why = error instanceof CancelledError
            ? `${error.message} The replacement is in place; the old dataflow ${old.flow.id} was being deleted.`
            : `The replacement is in place, but the old dataflow ${old.flow.id} could not be deleted: ${errorMessage(error)}`;
        throw new Error(`${why} It is disabled and recorded as replaced: ${next}; or delete it by hand (DELETE /flows/${old.flow.id}), then its source and target connections.`, { cause: error });
    }
    await Promise.all(['source', 'target'].map(async (kind) => {
        const part = old[kind];
        if (part === undefined)
            return;
        try {
            await d.client.deletePart(kind, part.id);
        }
        catch (error) {
            left.push(`${kind} connection ${part.id} (${errorMessage(error)})`);
        }
    }));
    if (left.length > 0)
        throw new Error(`The replacement is in place and the old dataflow ${old.flow.id} is deleted, but not its ${left.join(', ')}: no dataflow uses it, and the next run of this step deletes it.`);
}
async function enableAgain(d, flow) {
    try {
        await d.cleanup.setEnabled(flow.id, true);
        d.log(`Enabled dataflow ${flow.id} again: its replacement was not made.`);
    }
    catch (error) {
        d.warn(`Dataflow ${flow.id} was disabled for its replacement, which was not made, and could not be enabled again: ${errorMessage(error)}. The next run enables it.`);
    }
}
async function asFound(d, ask, dataset, survivor) {
    const flow = await d.client.getFlow(survivor.id);
    if (flow === undefined)
        throw new ConflictError(`Dataflow ${survivor.id} vanished while this run converged on it; run again.`);
    const chain = await chainOf(d.client, flow, [], []);
    const decision = decideFor(chain, ask.wanted);
    if (decision.kind === 'replace')
        throw new ConflictError(`Dataflow ${flow.id}, which another run created at the same time, reads another source or writes another dataset than these inputs ask for; run again to apply them.`);
    if (ownershipOf(flow.description, d.mark, d.clock.now()) === 'in-progress') {
        if (decision.kind === 'update')
            d.warn(`Dataflow ${flow.id} is still being created by another run: its settings are that run's; run again to apply these inputs.`);
        return { operation: 'reused', ...idsOf(chain), changes: [] };
    }
    return carryOut(d, ask, dataset, decision, new Set());
}

// EXTERNAL MODULE: ./src/platform/defaults.ts
var defaults = __webpack_require__(4069);
;// CONCATENATED MODULE: ./src/platform/session.ts


const SESSION_SECRET_INPUTS = ['client-secret', 'access-token'];
const MAX_ATTEMPTS_LIMIT = 20;
const TIMEOUT_SECONDS_LIMIT = 3600;
const MISSING_SECRET_NOTE = 'a secret that does not exist where the job runs arrives as an empty string (a misspelt secret name, a pull request from a fork, or a secret of another environment)';
const ORG_ID = /^[A-Za-z0-9]+@AdobeOrg$/;
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
function serviceUrl(session, service) {
    return `${session.platformUrl}${defaults/* SERVICE_PATHS */.z[service]}`;
}


;// CONCATENATED MODULE: ./src/dataflow/inputs.ts




const DEFAULTS = {
    ...defaults/* SESSION_DEFAULTS */.u,
    recursive: 'false',
    encoding: 'UTF-8',
    frequency: 'once',
    'error-diagnostics': 'false',
    enabled: 'true',
    'if-exists': 'update',
    'on-source-change': 'fail',
    'wait-for-run': 'false',
    'wait-minutes': '30',
    plan: 'false',
    'dry-run': 'false'
};
const SECRET_INPUTS = SESSION_SECRET_INPUTS;
const MAX_WAIT_MINUTES = 360;
const FORMATS = ['delimited', 'json', 'parquet'];
const COMPRESSIONS = ['bzip2', 'gzip', 'deflate', 'zipDeflate', 'tarGzip', 'tar'];
const ENCODINGS = ['UTF-8', 'ISO-8859-1'];
const inputs_FREQUENCIES = ['once', 'minute', 'hour', 'day', 'week'];
function readConfig(getInput, nowMs) {
    const r = new InputReader(getInput, DEFAULTS);
    const session = readSession(r);
    const connectionId = r.required('connection-id', "pass the connection action's output, e.g. '${{ steps.s3.outputs.connection-id }}'");
    r.check('connection-id', connectionId, isId, `must be a connection id (a UUID); got '${printable(connectionId)}'`);
    const name = r.name('dataflow-name', 'name the dataflow');
    const description = r.description();
    const source = inputs_readSource(r);
    const datasetId = r.required('dataset-id', 'give the id of the dataset the files go into (Datasets in the Platform UI)');
    r.check('dataset-id', datasetId, isId, `must be a dataset id (24 hex digits, as the Platform UI shows it); got '${printable(datasetId)}'`);
    const mappingFile = r.optional('mapping');
    r.check('mapping', mappingFile, (v) => !hasControl(v) && v.length <= 1024, 'must be one line: the workspace path of a .json or .csv mapping file');
    if (mappingFile === undefined && source.format === 'delimited') {
        r.fail("Input 'mapping' is required with 'data-format: delimited': give the workspace path of a mapping file (a JSON array of {source, destination} or a CSV with source,destination columns).");
    }
    const schedule = readSchedule(r, nowMs);
    const partial = r.optional('partial-ingestion-percent');
    r.check('partial-ingestion-percent', partial, (v) => /^\d+(\.\d+)?$/.test(v) && Number(v) > 0 && Number(v) <= 100, 'must be a number above 0 and at most 100 (the error threshold, in percent)');
    const config = {
        session,
        baseUrls: {
            'Flow Service': serviceUrl(session, 'flowService'),
            Catalog: serviceUrl(session, 'catalog'),
            'Data Prep': serviceUrl(session, 'dataPrep')
        },
        connectionId,
        name,
        ...(description !== undefined && { description }),
        source,
        datasetId,
        ...(mappingFile !== undefined && { mappingFile }),
        schedule,
        ...(partial !== undefined && { partialIngestionPercent: Number(partial) }),
        errorDiagnostics: r.boolean('error-diagnostics'),
        enabled: r.boolean('enabled'),
        ifExists: r.choice('if-exists', ['update', 'reuse', 'fail']),
        onSourceChange: r.choice('on-source-change', ['fail', 'replace']),
        waitForRun: r.boolean('wait-for-run'),
        waitMinutes: r.number('wait-minutes', { integer: false, max: MAX_WAIT_MINUTES }),
        plan: r.boolean('plan'),
        dryRun: r.boolean('dry-run')
    };
    if (config.plan && config.dryRun)
        r.fail("Inputs 'plan' and 'dry-run' are both set: 'plan' reads what exists and changes nothing, 'dry-run' sends nothing at all; choose one.");
    if (config.plan && config.waitForRun)
        r.fail("Input 'wait-for-run' waits for a run after a write, and 'plan' writes nothing: remove one.");
    r.done();
    return config;
}
function inputs_readSource(r) {
    const path = r.required('source-path', "give the file, folder or wildcard path to read, as explore listings give it ('/my-bucket/daily/*.csv')");
    r.check('source-path', path, (v) => v.startsWith('/') && !hasControl(v) && v.length <= 2048, "must be one line starting with '/', as explore listings give paths");
    const format = r.requiredChoice('data-format', FORMATS, "say how the files are written: 'delimited', 'json' or 'parquet'");
    const compression = r.optional('compression-type') !== undefined ? r.choice('compression-type', COMPRESSIONS) : undefined;
    const source = {
        path,
        recursive: r.boolean('recursive'),
        format,
        ...(compression !== undefined && { compressionType: compression })
    };
    const delimiter = r.getRaw('column-delimiter');
    if (format !== 'delimited') {
        if (delimiter !== '')
            r.fail("Input 'column-delimiter' is only used with 'data-format: delimited'; remove it.");
        return source;
    }
    const columnDelimiter = delimiter === '' ? ',' : delimiter;
    r.check('column-delimiter', columnDelimiter, (v) => Array.from(v).length === 1 && (v === '\t' || !hasControl(v)), `must be exactly one character (such as ',' or '|'); got '${printable(columnDelimiter)}'`);
    return { ...source, columnDelimiter, encoding: r.choice('encoding', ENCODINGS) };
}
function readSchedule(r, nowMs) {
    const frequency = r.choice('frequency', inputs_FREQUENCIES);
    const intervalInput = r.optional('interval');
    const backfillInput = r.optional('backfill');
    const startInput = r.optional('start-time');
    const startTime = startInput !== undefined ? readStartTime(r, startInput, nowMs) : undefined;
    if (frequency === 'once') {
        if (intervalInput !== undefined)
            r.fail("Input 'interval' is not allowed with 'frequency: once'; remove it, or choose minute, hour, day or week.");
        if (backfillInput !== undefined)
            r.fail("Input 'backfill' is not allowed with 'frequency: once'; remove it, or choose minute, hour, day or week.");
        return { frequency, ...(startTime !== undefined && { startTime }) };
    }
    const min = frequency === 'minute' ? 15 : 1;
    const interval = intervalInput === undefined ? (frequency === 'minute' ? 15 : 1) : Number(intervalInput);
    r.check('interval', intervalInput, (v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= 1000, `must be a whole number from ${min} to 1000 with 'frequency: ${frequency}'`);
    let backfill = true;
    if (backfillInput !== undefined) {
        if (['false', 'False', 'FALSE'].includes(backfillInput))
            backfill = false;
        else if (!['true', 'True', 'TRUE'].includes(backfillInput))
            r.fail(`Input 'backfill' must be 'true' or 'false'; got '${printable(backfillInput)}'.`);
    }
    return { frequency, interval, backfill, ...(startTime !== undefined && { startTime }) };
}
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;
function readStartTime(r, value, nowMs) {
    const seconds = /^\d{9,11}$/.test(value) ? Number(value) : isoSeconds(r, value);
    if (seconds === undefined)
        return undefined;
    if (seconds > nowMs / 1000 + 366 * 24 * 3600)
        r.fail(`Input 'start-time' is more than a year ahead; got '${printable(value)}'.`);
    return Math.floor(seconds);
}
function isoSeconds(r, value) {
    const example = "ISO 8601 with a zone ('2026-12-01T06:00:00Z', or '2026-12-01T07:00:00+01:00') or epoch seconds";
    const match = ISO_TIME.exec(value);
    if (match === null) {
        r.fail(`Input 'start-time' must be ${example}; got '${printable(value)}'.`);
        return undefined;
    }
    const [, year, month, day, hour, minute, second = '0', zone] = match;
    if (zone === undefined) {
        r.fail(`Input 'start-time' must say its time zone (end it with Z for UTC, or an offset such as +02:00); got '${printable(value)}'.`);
        return undefined;
    }
    const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    const real = Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= days;
    if (!real || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
        r.fail(`Input 'start-time' is not a date and time that exists; got '${printable(value)}'.`);
        return undefined;
    }
    return Date.parse(value) / 1000;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/dataflow/mapping-file.ts






async function readMappingFile(file, workspace, format, timeoutMs) {
    const root = await (0,promises_.realpath)(workspace);
    let real;
    try {
        real = await (0,promises_.realpath)((0,external_node_path_.resolve)(root, file));
    }
    catch {
        throw refused(`names ${quoted(file)}, which does not exist in the workspace (${root}); check the path, and that the job checked the repository out`);
    }
    const inside = (0,external_node_path_.relative)(root, real);
    if (inside === '..' || inside.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(inside))
        throw refused(`must name a file inside the workspace; ${quoted(file)} is outside it`);
    const text = await withinTime(readRegularFile(real, file), timeoutMs, file);
    return parseMapping(text.replace(/^\uFEFF/, ''), file, format);
}
const NONBLOCK = "O_NONBLOCK" in external_node_fs_.constants ? external_node_fs_.constants.O_NONBLOCK : 0;
async function readRegularFile(path, file) {
    const handle = await (0,promises_.open)(path, external_node_fs_.constants.O_RDONLY | NONBLOCK);
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            throw refused(`must name a regular file (a .json or .csv mapping); ${quoted(file)} is ${kindOf(stats)}`);
        if (stats.size > MAX_MAPPING_BYTES)
            throw refused(`names a file of ${stats.size} bytes; a mapping file is at most ${MAX_MAPPING_BYTES}`);
        return await handle.readFile('utf8');
    }
    finally {
        await handle.close();
    }
}
function kindOf(stats) {
    if (stats.isDirectory())
        return 'a directory';
    if (stats.isFIFO())
        return 'a named pipe (FIFO)';
    if (stats.isCharacterDevice() || stats.isBlockDevice())
        return 'a device';
    if (stats.isSocket())
        return 'a socket';
    return 'not a regular file';
}
async function withinTime(work, timeoutMs, file) {
    let timer;
    const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(refused(`names ${quoted(file)}, which could not be read within timeout-seconds`)), timeoutMs);
    });
    try {
        return await Promise.race([work, late]);
    }
    finally {
        clearTimeout(timer);
    }
}
function refused(problem) {
    return new InputError([`Input 'mapping' ${problem}.`]);
}

;// CONCATENATED MODULE: ./src/dataflow/runs.ts


function endOf(run) {
    const status = run.status.toLowerCase();
    return status === 'success' ? 'success' : status === 'failed' ? 'failed' : undefined;
}
const runs_CLOCK_SKEW_MS = 5000;
function firstRunAfter(runs, sinceMs) {
    return [...runs]
        .filter((r) => r.startedAt !== undefined && r.startedAt >= sinceMs - runs_CLOCK_SKEW_MS)
        .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0))[0];
}
function nextLookMs(look, leftMs) {
    return Math.max(0, Math.min(2000 * 2 ** (look - 1), 60_000, leftMs));
}
class RunFailedError extends Error {
    run;
    constructor(run, message) {
        super(message);
        this.run = run;
        this.name = 'RunFailedError';
    }
}
class NoRunError extends Error {
    constructor(message) {
        super(message);
        this.name = 'NoRunError';
    }
}
async function waitForRun(d, flowId, sinceMs, waitMs) {
    const started = d.clock.now();
    for (let look = 1;; look++) {
        const run = firstRunAfter(await d.runs(), sinceMs);
        const end = run !== undefined ? endOf(run) : undefined;
        if (run !== undefined && end === 'failed') {
            const errors = run.errors.length > 0 ? `: ${run.errors.map((e) => oneLine(e, 300).replace(/\.+$/, '')).join('; ')}` : '';
            throw new RunFailedError(run, `Run ${run.id} of dataflow ${flowId} failed (${counts(run)})${errors}.`);
        }
        if (run !== undefined && end === 'success')
            return run;
        const leftMs = waitMs - (d.clock.now() - started);
        if (leftMs <= 0) {
            const state = run === undefined ? 'no run had started' : `run ${run.id} was still ${oneLine(run.status || 'pending', 40)}`;
            throw new NoRunError(`No run of dataflow ${flowId} ended within ${formatSeconds(waitMs)} (wait-minutes) after the write: ${state}. Runs start about 2 to 3 minutes after the start time; raise wait-minutes, or look at the dataflow's runs in the Platform UI.`);
        }
        const delay = nextLookMs(look, leftMs);
        d.log(`${run === undefined ? 'No run of the dataflow yet' : `Run ${run.id} is ${oneLine(run.status || 'pending', 40)}`}; looking again in ${formatSeconds(delay)}.`);
        await d.clock.sleep(delay);
    }
}
function counts(run) {
    return `${run.recordsRead ?? '?'} records read, ${run.recordsWritten ?? '?'} written, ${run.recordsFailed ?? '?'} failed`;
}

;// CONCATENATED MODULE: ./src/platform/summary.ts



const MAX_SUMMARY_BYTES = 900 * 1024;
const MAX_COLUMNS = 100;
class Summary {
    maxBytes;
    parts = [];
    bytes = 0;
    constructor(maxBytes = MAX_SUMMARY_BYTES) {
        this.maxBytes = maxBytes;
    }
    heading(text) {
        return this.add(`<h3>${summaryText(text)}</h3>`);
    }
    facts(rows) {
        return this.table(['Field', 'Value'], rows.map(([field, value]) => [field, value]), { codeColumns: [1] });
    }
    table(header, rows, options = {}) {
        const code = new Set(options.codeColumns ?? []);
        const cell = (value, column) => (code.has(column) ? `<code>${summaryText(value)}</code>` : summaryText(value));
        const columns = Math.min(header.length, MAX_COLUMNS);
        const head = `<tr>${header
            .slice(0, columns)
            .map((h) => `<th>${summaryText(h)}</th>`)
            .join('')}</tr>`;
        let left = this.maxBytes - this.bytes - utf8(head) - 400;
        const body = [];
        for (const row of rows) {
            const html = `<tr>${row
                .slice(0, columns)
                .map((value, column) => `<td>${cell(value, column)}</td>`)
                .join('')}</tr>`;
            if (utf8(html) > left)
                break;
            body.push(html);
            left -= utf8(html);
        }
        if (left < 0)
            return this.note('A table was left out: the job summary of a step holds 1 MiB at most.');
        this.add(`<table>${head}${body.join('')}</table>`);
        const cut = [
            ...(body.length < rows.length ? [`${body.length} of ${rows.length} rows`] : []),
            ...(columns < header.length ? [`${columns} of ${header.length} columns`] : [])
        ];
        return cut.length > 0 ? this.note(`The table above shows ${cut.join(' and ')}: the job summary of a step holds 1 MiB at most.`) : this;
    }
    dryRun() {
        return this.paragraph('the inputs are valid; no token was requested and nothing was sent. The step log lists the requests a real run would send.', 'Dry run:');
    }
    paragraph(text, label) {
        return this.add(`<p>${label !== undefined ? `<strong>${summaryText(label)}</strong> ` : ''}${summaryText(text, 2000)}</p>`);
    }
    link(text, url) {
        return /^https:\/\//.test(url) ? this.add(`<p><a href="${summaryText(url)}">${summaryText(text)}</a></p>`) : this;
    }
    html() {
        return this.parts.join('\n');
    }
    note(text) {
        return this.add(`<p><em>${summaryText(text)}</em></p>`);
    }
    add(part) {
        const size = utf8(part) + 1;
        if (this.bytes + size > this.maxBytes)
            return this;
        this.parts.push(part);
        this.bytes += size;
        return this;
    }
    async write() {
        if (!process.env.GITHUB_STEP_SUMMARY)
            return;
        try {
            await core/* summary */.z.addRaw(this.html(), true).write();
        }
        catch (error) {
            core/* warning */.$e(`Could not write the job summary: ${errorMessage(error)}`);
        }
        finally {
            core/* summary */.z.emptyBuffer();
        }
    }
}
function utf8(text) {
    return Buffer.byteLength(text, 'utf8');
}

;// CONCATENATED MODULE: ./src/dataflow/summary.ts

async function writeSummary(facts) {
    const summary = new Summary().heading(`Dataflow ${facts.name}`).facts([
        ['Operation', facts.operation],
        ['Dataflow ID', facts.flowId ?? '-'],
        ['Source connection', facts.sourceId ?? '-'],
        ['Target connection', facts.targetId ?? '-'],
        ['Mapping set', facts.mapping !== undefined ? `${facts.mapping.id} version ${facts.mapping.version}` : '-']
    ]);
    if (facts.changes.length > 0) {
        summary.table(['Action', 'Object', 'Field', 'From', 'To', 'Note'], facts.changes.map((c) => [c.action, c.object, c.field ?? '', shown(c.from), shown(c.to), c.note ?? '']));
    }
    if (facts.run !== undefined) {
        const { run } = facts;
        summary.facts([
            ['Run', run.id],
            ['Status', run.status],
            ['Records read', String(run.recordsRead ?? '-')],
            ['Records written', String(run.recordsWritten ?? '-')],
            ['Records failed', String(run.recordsFailed ?? '-')]
        ]);
    }
    if (facts.operation === 'dry-run')
        summary.dryRun();
    if (facts.error !== undefined)
        summary.paragraph(facts.error, 'Failed:');
    if (facts.runUrl !== undefined)
        summary.link('Workflow run', facts.runUrl);
    await summary.write();
}
function shown(value) {
    return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/dataflow/main.ts













const USER_AGENT = 'aep-s3-dataflow-action/1';
const HINTS = {
    'FLOW-1360-400': "check 'start-time': it must not be in the past",
    'FLOW-1425-400': "the mapping's schema is not the dataset's; check 'dataset-id'",
    'FLOW-1418-400': 'a dataflow still uses the connection'
};
const NEXT_RUN = "each carries this run's mark, and the next run with this dataflow-name finishes or removes it once this run's time is over";
async function run() {
    const rt = createRuntime();
    const ledger = new Ledger();
    let config;
    let session;
    let context;
    const facts = {};
    try {
        config = readConfig(runnerInputs(rt, SECRET_INPUTS), Date.now());
        const mappings = await readMappings(config);
        if (config.dryRun) {
            await dryRun(rt, config, mappings);
            return;
        }
        const connecting = connect(config.session, rt, {
            makesThings: true,
            ...(config.waitForRun && { wait: { seconds: config.waitMinutes * 60, input: 'wait-minutes' } }),
            userAgent: USER_AGENT,
            baseUrls: config.baseUrls,
            warm: ['Flow Service'],
            hints: HINTS
        });
        context = loadRunContext();
        session = await connecting;
        const client = new DataflowClient(session.api, systemClock, ledger);
        const startedAt = Date.now();
        const { api } = session;
        const outcome = await ensureDataflow({
            client,
            cleanup: client.over(session.cleanup),
            mark: session.mark,
            ledger,
            clock: systemClock,
            log: rt.info,
            warn: rt.warning,
            remainingMs: () => api.remainingMs()
        }, { wanted: wantedOf(config, mappings), description: config.description ?? defaultDescription(await context), plan: config.plan });
        report(rt, facts, outcome);
        if (config.waitForRun && outcome.flowId !== undefined) {
            const flowId = outcome.flowId;
            const waiting = client.over(session.waiting());
            const ran = await waitForRun({ runs: () => waiting.runs(flowId), clock: systemClock, log: rt.info }, flowId, outcome.wroteAt ?? startedAt, config.waitMinutes * 60_000);
            facts.run = ran;
            reportRun(rt, ran);
            setOutputs(runOutputs(ran));
        }
        await summarize(config, context, facts);
    }
    catch (error) {
        if (error instanceof IncompleteError)
            report(rt, facts, error.outcome);
        if (error instanceof RunFailedError) {
            facts.run = error.run;
            setOutputs(runOutputs(error.run));
        }
        const message = failStep(rt, error, ledger.account(NEXT_RUN));
        if (config !== undefined && !config.dryRun)
            await summarize(config, context, { ...facts, error: message });
    }
    finally {
        session?.close();
    }
}
async function readMappings(config) {
    if (config.mappingFile === undefined)
        return undefined;
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    return readMappingFile(config.mappingFile, workspace, config.source.format, config.session.timeoutSeconds * 1000);
}
async function dryRun(rt, config, mappings) {
    const runContext = await loadRunContext();
    const description = config.description ?? defaultDescription(runContext);
    core/* info */.pq(rt.secrets.redact(describeDryRun(config, mappings, description, Date.now()).join('\n')));
    setOutputs({ operation: 'dry-run' });
    await summarize(config, Promise.resolve(runContext), { operation: 'dry-run' });
}
function report(rt, facts, outcome) {
    Object.assign(facts, factsOf(outcome));
    const { changes } = outcome;
    rt.info(`Dataflow ${outcome.flowId ?? '(none yet)'}: ${outcome.operation}; ${changes.length} change(s)${changes.length > 0 ? ':' : '.'}`);
    for (const change of changes)
        rt.info(`  - ${describeChange(change)}`);
    setOutputs(outputsOf(outcome));
}
function wantedOf(config, mappings) {
    return {
        name: config.name,
        ...(config.description !== undefined && { description: config.description }),
        baseConnectionId: config.connectionId,
        source: config.source,
        datasetId: config.datasetId,
        ...(mappings !== undefined && { mappings }),
        schedule: config.schedule,
        ...(config.partialIngestionPercent !== undefined && { partialIngestionPercent: config.partialIngestionPercent }),
        errorDiagnostics: config.errorDiagnostics,
        enabled: config.enabled,
        ifExists: config.ifExists,
        onSourceChange: config.onSourceChange
    };
}
function outputsOf(outcome) {
    return {
        'dataflow-id': outcome.flowId ?? '',
        etag: outcome.etag ?? '',
        'source-connection-id': outcome.sourceId ?? '',
        'target-connection-id': outcome.targetId ?? '',
        'mapping-set-id': outcome.mapping?.id ?? '',
        'mapping-version': outcome.mapping !== undefined ? String(outcome.mapping.version) : '',
        operation: outcome.operation,
        changes: JSON.stringify(outcome.changes)
    };
}
function runOutputs(ran) {
    const count = (n) => (n === undefined ? '' : String(n));
    return {
        'run-id': ran.id,
        'run-status': ran.status,
        'records-read': count(ran.recordsRead),
        'records-written': count(ran.recordsWritten),
        'records-failed': count(ran.recordsFailed)
    };
}
function reportRun(rt, ran) {
    rt.info(`Run ${ran.id} ended: ${ran.status} (${counts(ran)}).`);
    if ((ran.recordsFailed ?? 0) > 0)
        rt.warning(`Run ${ran.id} succeeded with ${ran.recordsFailed ?? 0} failed record(s) (partial ingestion); see the dataflow's run in the Platform UI.`);
}
function describeChange(c) {
    const what = [c.object, c.field].filter((p) => p !== undefined).join(' ');
    const values = c.from !== undefined || c.to !== undefined ? `: ${JSON.stringify(c.from ?? null)} -> ${JSON.stringify(c.to ?? null)}` : '';
    return `${c.action} ${what}${values}${c.note !== undefined ? ` (${c.note})` : ''}`;
}
function factsOf(outcome) {
    return {
        operation: outcome.operation,
        changes: outcome.changes,
        ...(outcome.flowId !== undefined && { flowId: outcome.flowId }),
        ...(outcome.sourceId !== undefined && { sourceId: outcome.sourceId }),
        ...(outcome.targetId !== undefined && { targetId: outcome.targetId }),
        ...(outcome.mapping !== undefined && { mapping: outcome.mapping })
    };
}
async function summarize(config, context, facts) {
    const { runUrl } = context !== undefined ? await context : {};
    await writeSummary({ name: config.name, operation: 'failed', changes: [], ...facts, ...(runUrl !== undefined && { runUrl }) });
}


/***/ })

};
