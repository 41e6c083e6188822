/**
 * What failing programs write, by failure, across the common runtimes (Go, Java/Spring, Node.js,
 * Python, PostgreSQL, Redis, MySQL, nginx, Envoy). Each entry is one message family; capture group 1,
 * when present, is the name the message is about (a host, a variable, a path).
 */

/** Name resolution failed. `nxdomain`: the name does not exist; `timeout`: the resolver did not answer. */
export const DNS_ERRORS: { re: RegExp; kind: 'nxdomain' | 'timeout' | 'unknown' }[] = [
  {
    re: /lookup ([\w.-]+)(?: on [\d.:[\]a-f]+)?: (?:[^"]*?)(?:i\/o timeout|server misbehaving|read: connection refused)/,
    kind: 'timeout',
  },
  { re: /lookup ([\w.-]+)(?: on [\d.:[\]a-f]+)?: no such host/, kind: 'nxdomain' },
  { re: /getaddrinfo ENOTFOUND ([\w.-]+)/, kind: 'nxdomain' },
  { re: /getaddrinfo EAI_AGAIN ([\w.-]+)/, kind: 'timeout' },
  { re: /Error -3 connecting to ([\w.-]+):\d+/, kind: 'timeout' },
  { re: /Error -2 connecting to ([\w.-]+):\d+/, kind: 'nxdomain' },
  { re: /UnknownHostException(?::\s*([\w.-]+))?/, kind: 'unknown' },
  { re: /could not translate host name "([\w.-]+)" to address/, kind: 'unknown' },
  { re: /host not found in upstream "([\w.-]+)/, kind: 'nxdomain' },
  // The literal comes first so the engine can search for it; the host is read backwards from there.
  {
    re: /could not be resolved(?<=([\w.-]+) could not be resolved) \((?:110|\d+): (?:Operation timed out|timed out)/,
    kind: 'timeout',
  },
  { re: /could not be resolved(?<=([\w.-]+) could not be resolved) \(\d+: [^)]*\)/, kind: 'nxdomain' },
  { re: /Could not resolve host:? ([\w.-]+)/i, kind: 'unknown' },
  { re: /Failed to resolve ['"]?([\w.-]+)/i, kind: 'unknown' },
  // Generic forms last: they name no host.
  { re: /\bEAI_AGAIN\b/, kind: 'timeout' },
  { re: /Temporary failure in name resolution/i, kind: 'timeout' },
  { re: /Name or service not known|nodename nor servname provided/i, kind: 'nxdomain' },
  { re: /\bENOTFOUND\b/, kind: 'nxdomain' },
];

/** The peer refused the connection: nothing listens there (the process is down or the port is wrong). */
export const CONNECTION_REFUSED: RegExp[] = [
  /dial tcp ([\w.[\]:-]+?):\d+: connect: connection refused/,
  /connect ECONNREFUSED ([\w.[\]:-]+?):\d+/,
  /connection to server at "([\w.-]+)"[^,]*, port \d+ failed: Connection refused/,
  /Could not connect to Redis at ([\w.-]+):\d+: Connection refused/,
  /Error 111 connecting to ([\w.-]+):\d+/,
  /\(111: Connection refused\) while connecting to upstream/,
  /could not connect to server: Connection refused/,
  /ConnectException: Connection refused/,
  /\[Errno 111\] Connection refused/,
  /\bECONNREFUSED\b/,
  /\bconnection refused\b/i,
];

/** The connection attempt got no answer at all: a network path dropped it (policy, firewall, dead node). */
export const CONNECT_TIMEOUT: RegExp[] = [
  /dial tcp ([\w.[\]:-]+?):\d+: (?:connect: )?(?:i\/o timeout|connection timed out)/,
  /connect ETIMEDOUT ([\w.[\]:-]+?):\d+/,
  /connection to server at "([\w.-]+)"[^,]*, port \d+ failed: (?:Connection|Operation) timed out/,
  /upstream timed out \(110: (?:Connection|Operation) timed out\) while connecting to upstream/,
  /SocketTimeoutException: [Cc]onnect timed out/,
  /ConnectTimeoutError|ConnectTimeoutException/,
  /(?:connect|connection) timed out/i,
  /No route to host|EHOSTUNREACH/,
];

/** The database server refuses new connections: it is at its connection limit. */
export const TOO_MANY_CLIENTS: RegExp[] = [
  /sorry, too many clients already/,
  /remaining connection slots are reserved/,
  /too many connections for (?:role|database)/,
  /\bToo many connections\b/,
  /ERR max number of clients reached/,
  /no more connections allowed \(max_client_conn\)/,
];

/** A client's own pool has no free connection: the client holds (or leaks) all it may open. */
export const POOL_EXHAUSTED: RegExp[] = [
  /Connection is not available, request timed out after/,
  /connection pool (?:is )?exhausted/i,
  /\bpool exhausted\b/i,
  /QueuePool limit of size \d+ overflow \d+ reached/,
  /Timeout acquiring a connection/,
  /ConnectionAcquireTimeoutError/,
  /unable to acquire (?:a )?(?:JDBC )?connection/i,
];

/** A TLS peer presented a certificate past its validity. */
export const CERT_EXPIRED: RegExp[] = [
  /x509: certificate has expired or is not yet valid/,
  /certificate has expired/i,
  /\bCERT_HAS_EXPIRED\b/,
  /CertificateExpiredException/,
  /PKIX path validation failed[^\n]*validity check failed/,
  /PKIX path validation failed/,
  /alert certificate expired/i,
  /tls: expired certificate/,
];

/** A server rejecting clients' TLS handshakes: the other side of an expired serving certificate. */
export const TLS_REJECTED: RegExp[] = [
  /TLS handshake error from [^:]+:\d+: remote error: tls: bad certificate/,
  /SSL_do_handshake\(\) failed .*certificate/,
];

/** The Kubernetes API refused a service account (RBAC). Groups: subject, verb, resource, namespace. */
export const RBAC_FORBIDDEN =
  /is forbidden: User "([^"]+)" cannot (\w+) resource "([\w./-]+)"(?: in API group "[^"]*")?(?: in the namespace "([^"]+)"| at the cluster scope)?/;
export const RBAC_FORBIDDEN_LOOSE: RegExp[] = [/Forbidden!\s?Configured service account doesn't have access/];

/** A required environment variable or setting is absent. Group 1: its name. */
export const MISSING_ENV: RegExp[] = [
  /KeyError: '([A-Z][A-Z0-9_]{2,})'/,
  /environment variable[:\s]+["'`]?([A-Za-z_][A-Za-z0-9_]*)["'`]?\s+(?:is\s+)?(?:not set|not defined|undefined|missing|required|must be set|empty)/i,
  /(?<=\b([A-Z][A-Z0-9_]{2,})\s+(?:environment variable\s+|env var\s+)?(?:is\s+)?)(?:not set|must be set|required but not set|required|missing|undefined)\b/,
  /missing (?:required )?(?:env(?:ironment)?(?: var(?:iable)?)?|configuration|config(?:uration)? (?:key|value))[:\s]+["'`]?([A-Za-z_][A-Za-z0-9_.]*)/i,
  /required key ([A-Z][A-Z0-9_]*) missing value/,
  /Could not resolve placeholder '([\w.-]+)'/,
  /process\.env\.([A-Z][A-Z0-9_]*) is (?:undefined|not set)/,
];

/** A file the program needs is absent. Group 1: the path. */
export const MISSING_FILE: RegExp[] = [
  /open (\/[^\s:"]+): no such file or directory/,
  /FileNotFoundError: \[Errno 2\] No such file or directory: '([^']+)'/,
  /FileNotFoundException: (\S+) \(No such file or directory\)/,
  /ENOENT: no such file or directory, (?:open|stat|scandir) '([^']+)'/,
  /open\(\) "([^"]+)" failed \(2: No such file or directory\)/,
];

/** A write failed for lack of space. Group 1, when present: the path written. */
export const DISK_FULL: RegExp[] = [
  /could not (?:write to|extend) file "([^"]+)"[^\n]*No space left on device/,
  /write (\/[^\s:]+): no space left on device/i,
  /Failed opening the temp RDB file [^(]*\(in server root dir ([^)]+)\)[^\n]*No space left on device/,
  /No space left on device/i,
  /\bENOSPC\b/,
  /could not extend file/,
  /MISCONF [^\n]*unable to persist to disk/,
  /flood stage disk watermark \[[^\]]+\] exceeded/,
  /The table '[^']+' is full/,
];

/** The service sheds or stalls requests under load. */
export const OVERLOAD: RegExp[] = [
  /too many in-flight requests/i,
  /server (?:is )?overloaded/i,
  /(?:request )?queue (?:is )?full/i,
  /upstream timed out \(110/,
  /context deadline exceeded/,
  /Client\.Timeout exceeded/,
];

/** A line that carries an error, in any of the usual log shapes. */
export const ERROR_LINE =
  /(?:^panic: |"level":"(?:error|fatal|panic|critical|dpanic)"|\blevel=(?:error|fatal|panic|critical)\b|\b(?:FATAL|PANIC|ERROR|CRITICAL|SEVERE)\b|\[(?:error|crit|alert|emerg)\]|^\s*(?:[\w.$]+\.)?[A-Z]\w*(?:Error|Exception)\b|^Error:|\bTraceback\b)/;

/** Lines that say a dependency could not be reached: by name, by connection, by timeout. */
export const DNS_PATTERNS = DNS_ERRORS.map((d) => d.re);
export const UNREACHABLE = [...DNS_PATTERNS, ...CONNECTION_REFUSED, ...CONNECT_TIMEOUT];
export const DEPENDENCY_ERRORS = [...UNREACHABLE, ...TOO_MANY_CLIENTS];
