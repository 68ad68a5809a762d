export const id = 705;
export const ids = [705];
export const modules = {

/***/ 3705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
;// CONCATENATED MODULE: ./src/context.ts
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
            ...(runUrl !== undefined && { runUrl })
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

;// CONCATENATED MODULE: ./src/json.ts
// Narrowing of parsed JSON: responses are `unknown` until checked.
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/retry.ts
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
    if (typeof error !== 'object' || error === null)
        return false;
    const { code, message } = error;
    if (typeof code === 'string')
        return RETRYABLE_NETWORK_CODES.has(code);
    if (typeof message !== 'string')
        return false;
    // @actions/http-client reports its socket timeout and Node its hang-ups without a code.
    return /socket hang up|Request timeout|aborted/i.test(message);
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
    endsAt;
    constructor(totalMs, clock = systemClock) {
        this.totalMs = totalMs;
        this.clock = clock;
        this.endsAt = clock.now() + totalMs;
    }
    remainingMs() {
        return Math.max(0, this.endsAt - this.clock.now());
    }
}

;// CONCATENATED MODULE: ./src/errors.ts
// Adobe answers errors in three shapes (Flow Service, API gateway, generic) and IMS in a
// fourth; this turns any of them into one readable sentence with status, code and request id.


// Errors are recognised by shape, not instanceof: Node's own errors can come from another realm
// (a test runner's VM context), where instanceof Error is false.
function isErrorLike(value) {
    return typeof value === 'object' && value !== null && typeof value.message === 'string';
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
/** Reads whichever of Adobe's error shapes the body holds; falls back to the raw text. */
function decodeAdobeError(body, requestIdHeader) {
    let json;
    try {
        json = JSON.parse(body);
    }
    catch {
        json = undefined;
    }
    const fromBody = isObject(json) ? decodeShape(json) : { message: str(body.slice(0, 300)) };
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
    const flowCode = type?.match(/([A-Z]+-\d+-\d{3})$/)?.[1];
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
/** What to do about the errors users meet most; keyed by the code Adobe sends. */
const HINTS = {
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
    'FLOW-1413-400': "check 'connection-spec-id' and 'connection-spec-version'",
    'FLOW-1415-400': "check 'auth-type': the connection spec has no such auth spec",
    'FLOW-1404-412': 'the connection changed while this run updated it; run again',
    invalid_client: "check 'client-id' and 'client-secret'",
    invalid_scope: "check 'scopes' against the APIs of the Developer Console project"
};
const TLS_TRUST_ERROR = /SELF_SIGNED|UNABLE_TO_(GET_ISSUER|VERIFY_LEAF)|CERT_UNTRUSTED|unable to verify/i;
function hintFor(code, networkError) {
    if (code !== undefined && HINTS[code] !== undefined)
        return ` Hint: ${HINTS[code]}.`;
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
    const what = d.service === 'IMS' ? 'IMS token request' : `Flow Service ${d.label}`;
    const tries = d.attempts > 1 ? ` after ${d.attempts} attempts in ${formatSeconds(d.elapsedMs)}` : '';
    const cause = d.status !== undefined
        ? `HTTP ${d.status}${d.networkError !== undefined ? ` (${d.networkError})` : ''}`
        : `network error: ${d.networkError ?? 'no answer'}`;
    const adobe = d.adobe ?? {};
    const code = adobe.code !== undefined ? ` ${adobe.code}` : '';
    const message = adobe.message !== undefined ? `: ${adobe.message}` : '';
    const requestId = adobe.requestId !== undefined ? ` (request id ${adobe.requestId})` : '';
    const hint = hintFor(adobe.code, d.networkError);
    const gaveUp = d.gaveUp !== undefined ? ` Gave up: ${d.gaveUp}.` : '';
    return `${what} failed${tries}: ${cause}${code}${message}${requestId}.${hint}${gaveUp}`;
}
/** The whole step ran out of `timeout-seconds`. */
class TimeoutError extends Error {
    constructor(timeoutMs, waitingFor, attempt, maxAttempts, note) {
        super(`Timed out after ${formatSeconds(timeoutMs)} (timeout-seconds) waiting for ${waitingFor} (attempt ${attempt} of ${maxAttempts}). ` +
            (note !== undefined ? `${note} ` : '') +
            'Raise timeout-seconds, or check that the service is reachable from the runner.');
        this.name = 'TimeoutError';
    }
}
/** The service answered 2xx with something this client cannot use. */
class UnexpectedResponseError extends Error {
    constructor(service, label, problem) {
        super(`${service === 'IMS' ? 'IMS token request' : `Flow Service ${label}`} returned an unexpected response: ${problem}.`);
        this.name = 'UnexpectedResponseError';
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
// EXTERNAL MODULE: ./src/early-connect.ts
var early_connect = __webpack_require__(2211);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/preconnect.ts
// Opens the connection to a host before the first request to it is ready, so that its TCP and
// TLS handshakes overlap other work (the IMS token request). Node's Agent has no preconnect;
// its documented extension point createConnection() hands the early socket to the first request.

/**
 * Makes the first request to `url`'s host through `agent` use `early` (a socket opened before) or
 * a socket started now; returns a function that closes it if no request took it.
 */
function preconnect(agent, url, early) {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    const original = agent.createConnection.bind(agent);
    const agentOptions = agent.options ?? {};
    let spare = early ??
        original({
            ...agentOptions,
            host,
            port,
            // As Node's Agent does: SNI only for host names, never for IP addresses.
            ...(url.protocol === 'https:' && { servername: (0,external_node_net_.isIP)(host) === 0 ? host : '' })
        });
    // An early failure is not ours to report: the request that would have used it opens its own.
    spare?.on('error', () => spare?.destroy());
    agent.createConnection = (options, callback) => {
        const matches = options.host === host && Number(options.port) === port;
        if (matches && spare && !spare.destroyed) {
            const socket = spare;
            spare = undefined;
            return socket;
        }
        return original(options, callback);
    };
    return () => {
        spare?.destroy();
        spare = undefined;
    };
}

;// CONCATENATED MODULE: ./src/http.ts
// The one place requests are made: JSON in and out, one keep-alive client per origin, the
// step's deadline, retries, and decoding of error answers. Everything above it sees typed
// results or one ApiError / TimeoutError with a message a person can act on.





class Transport {
    options;
    clients = new Map();
    spares = [];
    clock;
    constructor(options) {
        this.options = options;
        this.clock = options.clock ?? systemClock;
    }
    /** Sends a request, retrying what is retryable; fails with ApiError or TimeoutError. */
    async request(req) {
        const result = await this.send(req);
        return result;
    }
    /**
     * For a request that is not idempotent (a create): when an attempt's outcome is unknown (no
     * answer, a 5xx, an unreadable 2xx), asks `recover` whether it took effect before sending again.
     */
    async requestOrRecover(req, recover) {
        return this.send(req, recover);
    }
    /** Has each origin's first request use a connection opened now (or at start-up), so that handshakes overlap. */
    warmUp(...urls) {
        for (const url of urls) {
            // Through a proxy, @actions/http-client tunnels each request itself; nothing to warm.
            if ((0,lib/* getProxyUrl */.s_)(url) !== '')
                continue;
            const parsed = new URL(url);
            this.spares.push(preconnect(this.clientFor(url).getAgent(url), parsed, (0,early_connect/* takeEarlyConnection */.ZG)(parsed.origin)));
        }
    }
    /** Closes every connection, so that the process can exit as soon as the run is over. */
    close() {
        for (const closeSpare of this.spares)
            closeSpare();
        for (const client of this.clients.values())
            client.dispose();
        this.clients.clear();
    }
    async send(req, recover) {
        const { policy, deadline } = this.options;
        const started = this.clock.now();
        for (let attempt = 1;; attempt++) {
            const exchange = await this.exchange(req, attempt, recover !== undefined);
            const outcome = this.judge(req, exchange);
            if ('json' in outcome)
                return outcome;
            const elapsedMs = this.clock.now() - started;
            this.options.debug?.(`${req.label}: attempt ${attempt} failed: ${describe(outcome)}`);
            const fail = (gaveUp) => new ApiError({
                service: req.service,
                label: req.label,
                attempts: attempt,
                elapsedMs,
                ...(outcome.status !== undefined && { status: outcome.status }),
                ...(outcome.adobe !== undefined && { adobe: outcome.adobe }),
                ...(outcome.networkError !== undefined && { networkError: outcome.networkError }),
                ...(gaveUp !== undefined && { gaveUp })
            });
            if (!outcome.retryable)
                throw fail();
            const decision = decideRetry({
                attempt,
                policy,
                remainingMs: deadline.remainingMs(),
                ...(outcome.retryAfterMs !== undefined && { retryAfterMs: outcome.retryAfterMs }),
                ...(this.options.random !== undefined && { random: this.options.random })
            });
            if (decision.retry) {
                this.options.info?.(`${req.service} ${req.label}: ${describe(outcome)}; retrying in ${formatSeconds(decision.delayMs)} (attempt ${attempt + 1} of ${policy.maxAttempts}).`);
                await this.clock.sleep(decision.delayMs);
            }
            // Asked after the wait, not before: a create still being saved behind a 5xx has had time to show.
            if (recover !== undefined && outcome.uncertain) {
                const recovered = await this.tryRecover(recover, fail);
                if (recovered !== undefined)
                    return { recovered };
            }
            if (!decision.retry)
                throw fail(decision.reason);
        }
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
    /** One attempt, cut off when the step's time runs out. */
    async exchange(req, attempt, mayTakeEffect) {
        const { deadline, policy } = this.options;
        const remaining = deadline.remainingMs();
        const note = mayTakeEffect ? 'It may have taken effect even so; the next run finds it by name instead of creating another.' : undefined;
        const timeout = () => new TimeoutError(deadline.totalMs, `${req.service} ${req.label}`, attempt, policy.maxAttempts, note);
        if (remaining <= 0)
            throw timeout();
        const client = this.clientFor(req.url);
        const headers = { accept: 'application/json', ...req.headers };
        const exchange = client
            .request(req.method, req.url, req.body ?? null, headers)
            .then(async (res) => ({
            kind: 'answer',
            status: res.message.statusCode ?? 0,
            headers: res.message.headers,
            body: await res.readBody()
        }))
            .catch((error) => ({ kind: 'no-answer', error: toError(error) }));
        let timer;
        const expired = new Promise((resolve) => {
            timer = setTimeout(() => resolve('expired'), remaining);
        });
        const winner = await Promise.race([exchange, expired]);
        clearTimeout(timer);
        if (winner === 'expired') {
            // Destroying the sockets ends the hung request, so nothing keeps the process alive.
            const agent = client.getAgent(req.url);
            agent.destroy?.();
            throw timeout();
        }
        return winner;
    }
    judge(req, exchange) {
        if (exchange.kind === 'no-answer') {
            const { code } = exchange.error;
            return {
                networkError: code !== undefined && !exchange.error.message.includes(code) ? `${code} (${exchange.error.message})` : exchange.error.message,
                retryable: isRetryableNetworkError(exchange.error),
                // A refused connection proves nothing was sent.
                uncertain: code !== 'ECONNREFUSED'
            };
        }
        const { status, headers, body } = exchange;
        const success = status >= 200 && status < 300;
        if (success || req.accept?.includes(status)) {
            try {
                return { status, headers, json: body.trim() === '' ? undefined : JSON.parse(body) };
            }
            catch {
                // An accepted error status speaks through its status alone, whatever its body.
                if (!success)
                    return { status, headers, json: undefined };
                // A 2xx cut short or mangled on the way: as good as no answer.
                return { status, networkError: 'the response body is not valid JSON', retryable: true, uncertain: true };
            }
        }
        const requestId = headers['x-request-id'];
        const retryAfterMs = parseRetryAfter(single(headers['retry-after']), this.clock.now());
        return {
            status,
            adobe: decodeAdobeError(body, single(requestId)),
            retryable: isRetryableStatus(status),
            // A 429 was refused at the door; a 5xx may have been processed before it failed.
            uncertain: status >= 500,
            ...(retryAfterMs !== undefined && { retryAfterMs })
        };
    }
    clientFor(url) {
        const origin = new URL(url).origin;
        let client = this.clients.get(origin);
        if (client === undefined) {
            // One client per origin: @actions/http-client keeps one keep-alive agent per client,
            // made for the scheme of its first request.
            client = new lib/* HttpClient */.Qq(this.options.userAgent, [], {
                keepAlive: true,
                allowRedirects: false,
                allowRetries: false,
                socketTimeout: this.options.deadline.totalMs
            });
            this.clients.set(origin, client);
        }
        return client;
    }
}
function single(value) {
    return Array.isArray(value) ? value[0] : value;
}
function describe(f) {
    if (f.status === undefined)
        return `network error: ${f.networkError ?? 'no answer'}`;
    const code = f.adobe?.code !== undefined ? ` ${f.adobe.code}` : '';
    return `HTTP ${f.status}${code}${f.networkError !== undefined ? ` (${f.networkError})` : ''}`;
}
function isRecovered(value) {
    return 'recovered' in value;
}

;// CONCATENATED MODULE: ./src/flow-service.ts
// A typed client for the Flow Service routes this action uses. It knows Adobe's paths,
// headers and bodies; the transport below it knows retries; the logic above it knows why.



// A runaway continuation chain must not spin until the deadline.
const MAX_PAGES = 1000;
// Asked for explicitly: Adobe documents continuation tokens for requests with a limit.
const PAGE_LIMIT = 100;
class FlowServiceClient {
    transport;
    session;
    constructor(transport, session) {
        this.transport = transport;
        this.session = session;
    }
    /** Every connection in the sandbox with exactly this name and connection spec, across all pages. */
    async findConnections(name, specId) {
        const found = [];
        let token;
        for (let page = 1; page <= MAX_PAGES; page++) {
            const res = await this.call('GET', `/connections?${lookupQuery(name, specId, token)}`, 'GET /connections');
            const list = asObject(res.json, 'GET /connections', 'a JSON object');
            const items = list.items;
            if (!Array.isArray(items))
                throw unexpected('GET /connections', 'no "items" array');
            // The service's filter syntax is loose (a comma means OR): keep exact matches only.
            for (const item of items) {
                const connection = toConnectionItem(item);
                if (connection !== undefined && connection.name === name && sameId(connection.connectionSpec.id, specId))
                    found.push(connection);
            }
            const next = continuationToken(list);
            if (next === undefined)
                return found;
            if (next === token)
                throw unexpected('GET /connections', 'the same continuation token was returned twice');
            token = next;
        }
        throw unexpected('GET /connections', `more than ${MAX_PAGES} pages`);
    }
    async getConnection(id) {
        const label = 'GET /connections/{id}';
        const res = await this.call('GET', `/connections/${encodeURIComponent(id)}`, label);
        const items = asObject(res.json, label, 'a JSON object').items;
        const item = Array.isArray(items) ? toConnectionItem(items[0]) : undefined;
        if (item === undefined)
            throw unexpected(label, 'no connection in "items"');
        return item;
    }
    /** Creates a connection; `recover` is asked, after an attempt with an unknown outcome, whether it was created anyway. */
    async createConnection(body, recover) {
        const label = 'POST /connections';
        const res = await this.transport.requestOrRecover(this.request('POST', '/connections', label, body), recover);
        return isRecovered(res) ? res : toWriteResult(res, label);
    }
    /** Applies a JSON Patch guarded by the etag; 'stale' when the connection changed since that etag was read. */
    async patchConnection(id, etag, operations) {
        const label = 'PATCH /connections/{id}';
        const req = this.request('PATCH', `/connections/${encodeURIComponent(id)}`, label, operations);
        const res = await this.transport.request({ ...req, headers: { ...req.headers, 'If-Match': etag }, accept: [412] });
        return res.status === 412 ? 'stale' : toWriteResult(res, label);
    }
    /** Lists the root of the bucket through the connection, as the Platform UI's explore does. */
    async exploreRoot(id) {
        const label = 'GET /connections/{id}/explore';
        const res = await this.call('GET', `/connections/${encodeURIComponent(id)}/explore?objectType=root`, label);
        if (!Array.isArray(res.json))
            throw unexpected(label, 'not a JSON array');
        return res.json.filter(isExploreEntry);
    }
    call(method, path, label) {
        return this.transport.request(this.request(method, path, label));
    }
    request(method, path, label, body) {
        const { baseUrl, clientId, imsOrgId, sandboxName, accessToken } = this.session;
        return {
            service: 'Flow Service',
            method,
            url: `${baseUrl}${path}`,
            label,
            headers: {
                Authorization: `Bearer ${accessToken}`,
                'x-api-key': clientId,
                'x-gw-ims-org-id': imsOrgId,
                'x-sandbox-name': sandboxName,
                ...(body !== undefined && { 'Content-Type': 'application/json' })
            },
            ...(body !== undefined && { body: JSON.stringify(body) })
        };
    }
}
/**
 * The lookup's query: `property` filters with URL-encoded values, a page size, and the page's token.
 * A comma inside a value means OR to the service, so a name that holds one cannot be filtered on:
 * those names are matched on the client only.
 */
function lookupQuery(name, specId, continuationToken) {
    const filters = [`property=connectionSpec.id==${encodeURIComponent(specId)}`];
    if (!name.includes(','))
        filters.unshift(`property=name==${encodeURIComponent(name)}`);
    filters.push(`limit=${PAGE_LIMIT}`);
    if (continuationToken !== undefined)
        filters.push(`continuationToken=${encodeURIComponent(continuationToken)}`);
    return filters.join('&');
}
/** The next page's token, from `_links.next.href` (relative, per Adobe) or a top-level field. */
function continuationToken(list) {
    const links = list._links;
    const next = isObject(links) && isObject(links.next) ? links.next.href : undefined;
    if (typeof next === 'string' && next !== '') {
        const token = new URL(next, 'http://relative.invalid').searchParams.get('continuationToken');
        if (token !== null && token !== '')
            return token;
    }
    return typeof list.continuationToken === 'string' && list.continuationToken !== '' ? list.continuationToken : undefined;
}
function toConnectionItem(value) {
    if (!isObject(value) || typeof value.id !== 'string' || typeof value.name !== 'string')
        return undefined;
    const spec = value.connectionSpec;
    if (!isObject(spec) || typeof spec.id !== 'string')
        return undefined;
    const auth = isObject(value.auth) && typeof value.auth.specName === 'string' ? { specName: value.auth.specName } : undefined;
    return {
        id: value.id,
        name: value.name,
        connectionSpec: { id: spec.id, version: typeof spec.version === 'string' ? spec.version : '' },
        ...(typeof value.description === 'string' && { description: value.description }),
        ...(auth !== undefined && { auth }),
        ...(typeof value.etag === 'string' && value.etag !== '' && { etag: value.etag })
    };
}
/** Adobe's ids are UUIDs: the same id may be written in either case. */
function sameId(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
function toWriteResult(res, label) {
    const body = asObject(res.json, label, 'a JSON object');
    if (typeof body.id !== 'string' || body.id === '')
        throw unexpected(label, 'no "id"');
    if (typeof body.etag !== 'string' || body.etag === '')
        throw unexpected(label, 'no "etag"');
    return { id: body.id, etag: body.etag };
}
function isExploreEntry(value) {
    return isObject(value) && typeof value.type === 'string' && typeof value.name === 'string';
}
function asObject(value, label, expected) {
    if (!isObject(value))
        throw unexpected(label, `not ${expected}`);
    return value;
}
function unexpected(label, problem) {
    return new UnexpectedResponseError('Flow Service', label, problem);
}

;// CONCATENATED MODULE: ./src/ims.ts
// OAuth Server-to-Server: one client-credentials exchange with IMS per run (Adobe throttles
// integrations that mint too many tokens).


const TOKEN_PATH = '/ims/token/v3';
/** Gets an access token and masks it before anything else can see it. */
async function fetchAccessToken(transport, request, secrets) {
    const label = `POST ${TOKEN_PATH}`;
    const res = await transport.request({
        service: 'IMS',
        method: 'POST',
        url: `${request.imsUrl}${TOKEN_PATH}`,
        label,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: request.clientId,
            client_secret: request.clientSecret,
            scope: request.scopes
        }).toString()
    });
    const token = isObject(res.json) ? res.json.access_token : undefined;
    if (typeof token !== 'string' || token.trim() === '') {
        throw new UnexpectedResponseError('IMS', label, 'no "access_token" in the answer');
    }
    secrets.add(token);
    return token;
}

;// CONCATENATED MODULE: ./src/plan.ts
// From the validated inputs to what Flow Service is asked for: the auth spec and its params.
/** Auth spec names of the Amazon S3 source connection spec. */
const AUTH_SPEC_NAMES = { 'access-key': 'Access Key', 'iam-role': 'IAMRole Based' };
/** The params that hold secrets; shown redacted wherever a request is printed. */
const SECRET_PARAMS = new Set(['s3AccessKey', 's3SecretKey', 's3SessionToken']);
function authFor(s3) {
    const optional = (key, value) => (value === undefined ? {} : { [key]: value });
    if (s3.type === 'iam-role') {
        return {
            specName: AUTH_SPEC_NAMES['iam-role'],
            params: { bucketName: s3.bucketName, ...optional('folderPath', s3.folderPath) }
        };
    }
    return {
        specName: AUTH_SPEC_NAMES['access-key'],
        params: {
            s3AccessKey: s3.accessKey,
            s3SecretKey: s3.secretKey,
            ...optional('s3SessionToken', s3.sessionToken),
            ...optional('serviceUrl', s3.serviceUrl),
            ...optional('bucketName', s3.bucketName),
            ...optional('folderPath', s3.folderPath)
        }
    };
}
function planFor(config, defaultDescription) {
    return {
        name: config.connectionName,
        sandboxName: config.sandboxName,
        connectionSpec: { id: config.connectionSpecId, version: config.connectionSpecVersion },
        auth: authFor(config.s3),
        ifExists: config.ifExists,
        ...(config.description !== undefined && { description: config.description }),
        defaultDescription
    };
}
function redactParams(params) {
    return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, SECRET_PARAMS.has(key) ? '***' : value]));
}

;// CONCATENATED MODULE: ./src/dry-run.ts
// dry-run: true prints what a real run would send, every secret redacted, and sends nothing.



function describeDryRun(config, plan, description) {
    const headers = [
        'Authorization: Bearer ***',
        `x-api-key: ${config.clientId}`,
        `x-gw-ims-org-id: ${config.imsOrgId}`,
        `x-sandbox-name: ${config.sandboxName}`
    ];
    const json = ['Content-Type: application/json'];
    const auth = { specName: plan.auth.specName, params: redactParams(plan.auth.params) };
    const create = { name: plan.name, description, auth, connectionSpec: plan.connectionSpec };
    const patch = [
        { op: 'replace', path: '/auth/params', value: auth.params },
        ...(plan.description !== undefined ? [{ op: 'replace', path: '/description', value: plan.description }] : [])
    ];
    const base = config.flowServiceUrl;
    const steps = [];
    const step = (title, lines = []) => {
        steps.push([`${steps.length + 1}. ${title}`, ...lines.map((l) => `   ${l}`)].join('\n'));
    };
    if (config.credentials.kind === 'client-secret') {
        const form = new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: config.clientId,
            client_secret: 'SECRET',
            scope: config.scopes
        });
        step(`POST ${config.imsUrl}${TOKEN_PATH}`, [
            'Content-Type: application/x-www-form-urlencoded',
            '',
            form.toString().replace('SECRET', '***')
        ]);
    }
    step(`GET ${base}/connections?${lookupQuery(plan.name, plan.connectionSpec.id)}  (find the connection by name and spec)`, headers);
    const createLines = [...headers, ...json, '', ...pretty(create)];
    if (config.ifExists === 'create') {
        step(`POST ${base}/connections  (if-exists: create, always)`, createLines);
    }
    else {
        step(`POST ${base}/connections  (when none exists)`, createLines);
        const when = `(when exactly one exists, if-exists: ${config.ifExists})`;
        if (config.ifExists === 'update')
            step(`PATCH ${base}/connections/{id}  ${when}`, [...headers, 'If-Match: {its etag}', ...json, '', ...pretty(patch)]);
        if (config.ifExists === 'reuse')
            step(`nothing  ${when}: its id and etag become the outputs`);
        if (config.ifExists === 'fail')
            step('nothing: the step fails when one exists (if-exists: fail)');
    }
    if (config.verify)
        step(`GET ${base}/connections/{id}/explore?objectType=root  (verify: true)`, headers);
    return ['Dry run: the inputs are valid. No token was requested and nothing was sent.', 'A real run would send:', ...steps].join('\n');
}
function pretty(value) {
    return JSON.stringify(value, null, 2).split('\n');
}

;// CONCATENATED MODULE: ./src/ensure.ts
// The if-exists decision that makes a run repeatable: after it, the sandbox holds the one
// connection with this name and spec, with the credentials the workflow gave.


/** The run cannot go on without a person deciding (a conflict with what already exists). */
class ConflictError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ConflictError';
    }
}
async function ensureConnection(flow, plan, log) {
    const existing = await flow.findConnections(plan.name, plan.connectionSpec.id);
    log(`Found ${existing.length} connection(s) named ${quote(plan.name)} with spec ${plan.connectionSpec.id} in sandbox ${quote(plan.sandboxName)}${ids(existing)}.`);
    if (existing.length === 0 || plan.ifExists === 'create')
        return create(flow, plan, existing, log);
    if (plan.ifExists === 'fail') {
        throw new ConflictError(`A connection named ${quote(plan.name)} already exists in sandbox ${quote(plan.sandboxName)}${ids(existing)}, and if-exists is 'fail'. ` +
            "Use if-exists 'update' or 'reuse' to adopt it, or choose another connection-name.");
    }
    const [current, ...others] = existing;
    if (current === undefined || others.length > 0) {
        throw new ConflictError(`${existing.length} connections named ${quote(plan.name)} exist in sandbox ${quote(plan.sandboxName)}${ids(existing)}; ` +
            `if-exists '${plan.ifExists}' needs exactly one, so nothing was changed. Delete the extra ones (DELETE /connections/{id}) or choose another connection-name.`);
    }
    if (plan.ifExists === 'reuse') {
        return { id: current.id, etag: await etagOf(flow, current), operation: 'reused', adopted: false };
    }
    return update(flow, plan, current, log);
}
async function create(flow, plan, existing, log) {
    const before = new Set(existing.map((c) => c.id));
    const body = {
        name: plan.name,
        description: plan.description ?? (await plan.defaultDescription()),
        auth: plan.auth,
        connectionSpec: plan.connectionSpec
    };
    // No idempotency key exists: after an unanswered POST, the sandbox itself says whether it was created.
    const recover = async () => {
        const now = await flow.findConnections(plan.name, plan.connectionSpec.id);
        const appeared = now.filter((c) => !before.has(c.id));
        if (appeared.length === 0) {
            log('The create got no answer and no new connection exists: sending it again.');
            return undefined;
        }
        if (appeared.length > 1) {
            throw new ConflictError(`${appeared.length} connections named ${quote(plan.name)} appeared during this run${ids(appeared)}; another run may be creating it at the same time`);
        }
        const [adopted] = appeared;
        log(`The create got no answer, but connection ${adopted.id} now exists: adopting it instead of creating another.`);
        return { id: adopted.id, etag: await etagOf(flow, adopted) };
    };
    const result = await flow.createConnection(body, recover);
    if (isRecovered(result))
        return { ...result.recovered, operation: 'created', adopted: true };
    return { ...result, operation: 'created', adopted: false };
}
async function update(flow, plan, current, log) {
    const currentSpec = current.auth?.specName;
    if (currentSpec !== undefined && currentSpec !== plan.auth.specName) {
        throw new ConflictError(`Connection ${current.id} (${quote(plan.name)}) uses auth ${quote(currentSpec)}, but this run gives ${quote(plan.auth.specName)}; ` +
            'Flow Service cannot switch a connection between auth types. Delete it, or choose another connection-name.');
    }
    const operations = [{ op: 'replace', path: '/auth/params', value: plan.auth.params }];
    if (plan.description !== undefined) {
        // JSON Patch cannot replace a member that is not there.
        operations.push({ op: current.description === undefined ? 'add' : 'replace', path: '/description', value: plan.description });
    }
    const first = await flow.patchConnection(current.id, await etagOf(flow, current), operations);
    if (first !== 'stale')
        return { ...first, operation: 'updated', adopted: false };
    log(`Connection ${current.id} changed while this run updated it (412): reading it again and retrying once.`);
    const fresh = await flow.getConnection(current.id);
    const second = await flow.patchConnection(current.id, await etagOf(flow, fresh), operations);
    if (second === 'stale') {
        throw new ConflictError(`Connection ${current.id} kept changing while this run updated it (412 twice); something else is writing to it. Run again when it is done.`);
    }
    return { ...second, operation: 'updated', adopted: false };
}
/** Lists the bucket through the connection: proof that Flow Service can reach it with these credentials. */
async function verifyConnection(flow, id) {
    try {
        return await flow.exploreRoot(id);
    }
    catch (error) {
        throw new VerifyError(`Verification failed: Flow Service could not list the bucket through connection ${id}. ${errorMessage(error)}`);
    }
}
class VerifyError extends Error {
    constructor(message) {
        super(message);
        this.name = 'VerifyError';
    }
}
async function etagOf(flow, item) {
    if (item.etag !== undefined)
        return item.etag;
    const read = await flow.getConnection(item.id);
    if (read.etag === undefined)
        throw new ConflictError(`Flow Service returned connection ${item.id} without an etag, so it cannot be updated safely.`);
    return read.etag;
}
function ids(items) {
    return items.length === 0 ? '' : ` (${items.map((c) => c.id).join(', ')})`;
}
function quote(value) {
    return JSON.stringify(value);
}

// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
;// CONCATENATED MODULE: ./src/secrets.ts
// Masking: every secret is registered with the runner before anything can print it, and
// every message the action writes itself is redacted too, so a secret echoed back by a
// server in an encoding the runner does not know is still never printed.
const MIN_MASK_LENGTH = 4;
class Secrets {
    setSecret;
    values = new Set();
    constructor(setSecret) {
        this.setSecret = setSecret;
    }
    /** Registers a secret and the forms it takes inside JSON, form and URL encodings, and line by line. */
    add(secret) {
        if (secret === undefined || secret.trim() === '')
            return;
        for (const form of encodedForms(secret)) {
            // Derived fragments that short would mask ordinary words; the secret itself is always masked.
            if (this.values.has(form) || (form !== secret && form.length < MIN_MASK_LENGTH))
                continue;
            this.values.add(form);
            this.setSecret(form);
        }
    }
    /** Replaces every registered secret in a message with ***; longest first so that no fragment survives. */
    redact(text) {
        let out = text;
        for (const value of [...this.values].sort((a, b) => b.length - a.length)) {
            out = out.split(value).join('***');
        }
        return out;
    }
}
function encodedForms(secret) {
    const forms = [
        secret,
        JSON.stringify(secret).slice(1, -1),
        encodeURIComponent(secret),
        new URLSearchParams({ s: secret }).toString().slice(2)
    ];
    // The runner masks line by line, so a multi-line secret is masked one line at a time as well.
    for (const line of secret.split(/\r?\n/)) {
        if (line.trim() !== '')
            forms.push(line, line.trim());
    }
    return forms;
}

;// CONCATENATED MODULE: ./src/summary.ts
// The job summary: what this step did to which connection, readable on the run's page.
// Every value in it is either public or already redacted; none is a secret.

async function writeSummary(facts) {
    // Outside a runner (a local run) there is no summary file to write to.
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const rows = [
        ['Connection name', facts.name],
        ['Operation', facts.operation],
        ['Connection ID', facts.id ?? '-'],
        ['Etag', facts.etag ?? '-'],
        ['Sandbox', facts.sandboxName],
        ['Connection spec', facts.connectionSpec],
        ['Verified', facts.verified]
    ];
    const summary = core/* summary */.z.addHeading('Amazon S3 base connection', 3).addTable([
        [
            { data: 'Field', header: true },
            { data: 'Value', header: true }
        ],
        ...rows.map(([field, value]) => [field, code(value)])
    ]);
    if (facts.error !== undefined)
        summary.addRaw(`<p><strong>Failed:</strong> ${escapeHtml(facts.error)}</p>`, true);
    if (facts.runUrl !== undefined)
        summary.addLink('Workflow run', facts.runUrl);
    await summary.write();
}
function code(value) {
    return `<code>${escapeHtml(value)}</code>`;
}
function escapeHtml(value) {
    return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./src/main.ts
// The story of one run: read inputs, get a token, ensure the connection, write outputs.














const USER_AGENT = 'aep-s3-connection-action/1';
async function run() {
    const secrets = new Secrets(core/* setSecret */.Pq);
    const log = (message) => core/* info */.pq(secrets.redact(message));
    let config;
    let transport;
    let runContext;
    try {
        // Masked before validation, whose messages never echo them anyway.
        for (const name of inputs/* SECRET_INPUTS */.pH)
            secrets.add(core/* getInput */.V4(name));
        config = (0,inputs/* readConfig */.Xg)((name) => core/* getInput */.V4(name));
        if (config.dryRun) {
            await dryRun(config);
            return;
        }
        transport = new Transport({
            userAgent: USER_AGENT,
            policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: config.maxAttempts },
            deadline: new Deadline(config.timeoutSeconds * 1000),
            info: log,
            debug: (message) => core/* debug */.Yz(secrets.redact(message))
        });
        // The Flow Service handshake overlaps the IMS request.
        transport.warmUp(config.flowServiceUrl, ...(config.credentials.kind === 'client-secret' ? [config.imsUrl] : []));
        const accessToken = getAccessToken(config, transport, secrets);
        const context = (runContext = loadRunContext());
        const flow = new FlowServiceClient(transport, { ...session(config), accessToken: await accessToken });
        const plan = planFor(config, async () => defaultDescription(await context));
        const outcome = await ensureConnection(flow, plan, log);
        log(`Connection ${outcome.id} ${outcome.adopted ? 'created (adopted after a lost answer)' : outcome.operation}; etag ${outcome.etag}.`);
        setOutputs(outcome.id, outcome.etag, outcome.operation);
        const verified = config.verify ? await verify(flow, outcome) : 'no (verify: false)';
        await summarize(config, runContext, { operation: outcome.operation, id: outcome.id, etag: outcome.etag, verified });
    }
    catch (error) {
        const message = secrets.redact(errorMessage(error));
        const stack = errorStack(error);
        if (stack !== undefined)
            core/* debug */.Yz(secrets.redact(stack));
        core/* setFailed */.C1(message);
        if (config !== undefined)
            await summarize(config, runContext, { operation: 'failed', verified: '-', error: message });
    }
    finally {
        transport?.close();
        (0,early_connect/* releaseEarlyConnections */.a3)();
    }
}
function getAccessToken(config, transport, secrets) {
    const { credentials } = config;
    if (credentials.kind === 'access-token')
        return Promise.resolve(credentials.accessToken);
    return fetchAccessToken(transport, { imsUrl: config.imsUrl, clientId: config.clientId, clientSecret: credentials.clientSecret, scopes: config.scopes }, secrets);
}
async function verify(flow, outcome) {
    const entries = await verifyConnection(flow, outcome.id);
    const count = `${entries.length} top-level entr${entries.length === 1 ? 'y' : 'ies'}`;
    core/* info */.pq(`Verified: Flow Service listed ${count} of the bucket through connection ${outcome.id}.`);
    return `yes: ${count} listed`;
}
async function dryRun(config) {
    const runContext = loadRunContext();
    const description = config.description ?? defaultDescription(await runContext);
    core/* info */.pq(describeDryRun(config, planFor(config, () => Promise.resolve(description)), description));
    setOutputs('', '', 'dry-run');
    await summarize(config, runContext, { operation: 'dry-run', verified: 'no (dry run)' });
}
function session(config) {
    return { baseUrl: config.flowServiceUrl, clientId: config.clientId, imsOrgId: config.imsOrgId, sandboxName: config.sandboxName };
}
function setOutputs(id, etag, operation) {
    core/* setOutput */.uH('connection-id', id);
    core/* setOutput */.uH('etag', etag);
    core/* setOutput */.uH('operation', operation);
}
async function summarize(config, runContext, facts) {
    const { runUrl } = runContext !== undefined ? await runContext : {};
    try {
        await writeSummary({
            name: config.connectionName,
            sandboxName: config.sandboxName,
            connectionSpec: `${config.connectionSpecId} v${config.connectionSpecVersion}`,
            ...facts,
            ...(runUrl !== undefined && { runUrl })
        });
    }
    catch (error) {
        // The summary decorates the run; it never decides its outcome.
        core/* warning */.$e(`Could not write the job summary: ${errorMessage(error)}`);
    }
}


/***/ })

};
