import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig, type PlatformConfig } from '#platform';

/**
 * The deployment files in infra/compose and infra/k8s agree with each other and with the api: every
 * replica's environment passes the api's own configuration rules, the connection string names the
 * database nodes that exist on the ports they listen on, probes and proxies reach the api where it listens.
 */

const infra = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(infra, '..');
const read = (...path: string[]): string => readFileSync(join(infra, ...path), 'utf8');

type Obj = Record<string, unknown>;
type Env = Record<string, string>;

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
function obj(value: unknown, what: string): Obj {
  if (!isObj(value)) throw new Error(`${what} is not a mapping`);
  return value;
}
function list(value: unknown, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value;
}
function str(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`${what} is not a scalar`);
}
const optStr = (value: unknown, what: string): string | undefined => (value === undefined || value === null ? undefined : str(value, what));

/**
 * What a replicated production api needs on top of loadConfig's own rules (which stop on an invalid value or
 * combination): an OIDC provider, since a generated dev-token secret differs per replica, and an EventStoreDB
 * cluster over TLS, since the embedded SQLite log would give each replica its own events.
 */
function productionConfig(env: Env): PlatformConfig {
  const config = loadConfig(env);
  if (config.auth.mode !== 'oidc') throw new Error('AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL must be set');
  if (config.eventStoreUrl === undefined) throw new Error('EVENTSTORE_URL must be set');
  esdbUrl(config.eventStoreUrl);
  return config;
}

interface EsdbUrl {
  readonly hosts: { host: string; port: number }[];
  readonly params: URLSearchParams;
}

/** The parts of an `esdb://[user:password@]host:port,…?options` connection string that matter here. */
function esdbUrl(url: string): EsdbUrl {
  const match = /^esdb:\/\/(?:[^@/?]+@)?([^/?]+)\/?(?:\?(.*))?$/.exec(url);
  if (!match) throw new Error(`EVENTSTORE_URL is not an esdb:// connection string: ${url}`);
  const params = new URLSearchParams(match[2] ?? '');
  if (params.get('tls') !== 'true') throw new Error('EVENTSTORE_URL must say tls=true');
  const hosts = match[1]!.split(',').map((hostPort) => {
    const [host, port] = hostPort.split(':');
    return { host: host!, port: Number(port ?? 2113) };
  });
  return { hosts, params };
}

/** A database setting, under the KurrentDB prefix or the EventStoreDB one. */
const dbSetting = (env: Env, name: string): string | undefined => env[`KURRENTDB_${name}`] ?? env[`EVENTSTORE_${name}`];
const nodePort = (env: Env): number => Number(dbSetting(env, 'NODE_PORT') ?? 2113);

function expectSecureCluster(env: Env, args: string[], size: number): void {
  expect(dbSetting(env, 'CLUSTER_SIZE')).toBe(String(size));
  expect(size).toBe(3);
  expect(dbSetting(env, 'INSECURE') ?? 'false').toBe('false');
  expect(dbSetting(env, 'DEV') ?? 'false').toBe('false');
  expect(args.join(' ')).not.toMatch(/--insecure|--dev\b/);
  expect(dbSetting(env, 'CERTIFICATE_FILE')).toBeDefined();
  expect(dbSetting(env, 'CERTIFICATE_PRIVATE_KEY_FILE')).toBeDefined();
  expect(dbSetting(env, 'TRUSTED_ROOT_CERTIFICATES_PATH')).toBeDefined();
  expect(dbSetting(env, 'DISCOVER_VIA_DNS')).toBe('false');
}

function withoutVar(env: Env, name: string): Env {
  const copy = { ...env };
  delete copy[name];
  return copy;
}

/** The production checks themselves refuse what they must, so a broken file cannot pass. */
function expectChecksRefuseBrokenVariants(env: Env): void {
  for (const name of ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL', 'EVENTSTORE_URL']) {
    expect(() => productionConfig(withoutVar(env, name))).toThrow();
  }
  expect(() => productionConfig({ ...env, AUTH_DEV_SECRET: 'x'.repeat(40) })).toThrow(/AUTH_DEV_SECRET/);
  expect(() => productionConfig({ ...env, EVENTSTORE_URL: env['EVENTSTORE_URL']!.replace('tls=true', 'tls=false') })).toThrow(/tls=true/);
}

describe('docker compose (infra/compose)', () => {
  const envExample = Object.fromEntries(
    read('compose', '.env.example')
      .split('\n')
      .map((line) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!, match[2]!]),
  );

  // `${VAR}`, `${VAR:?message}`, `${VAR:-default}` … as compose interpolates them, with .env.example as `.env`.
  const unset = new Set<string>();
  const interpolate = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(
        /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g,
        (whole, name: string | undefined, op: string | undefined, fallback: string | undefined) => {
          if (whole === '$$') return '$';
          const given = envExample[name!];
          if (op === ':-' || op === '-') return (op === ':-' ? given || undefined : given) ?? fallback ?? '';
          if (given === undefined || given === '') unset.add(name!);
          return given ?? '';
        },
      );
    }
    if (Array.isArray(value)) return value.map(interpolate);
    if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v)]));
    return value;
  };
  const compose = obj(interpolate(parse(read('compose', 'docker-compose.yml'), { merge: true })), 'docker-compose.yml');
  const services = obj(compose['services'], 'services');
  const declaredVolumes = Object.keys(obj(compose['volumes'] ?? {}, 'volumes'));

  const envOf = (service: string): Env => {
    const environment = obj(services[service], service)['environment'];
    if (Array.isArray(environment)) {
      return Object.fromEntries(
        environment.map((entry) => str(entry, 'environment entry').split(/=(.*)/s).slice(0, 2) as [string, string]),
      );
    }
    return Object.fromEntries(Object.entries(obj(environment ?? {}, `${service}.environment`)).map(([k, v]) => [k, optStr(v, k) ?? '']));
  };
  const mountsOf = (service: string) =>
    list(obj(services[service], service)['volumes'], `${service}.volumes`).map((volume) => {
      const [source, target] = str(volume, `${service} volume`).split(':');
      return { source: source!, target: target! };
    });
  const isMounted = (service: string, path: string) => mountsOf(service).some((m) => path === m.target || path.startsWith(`${m.target}/`));
  const commandOf = (service: string): string[] => {
    const command = obj(services[service], service)['command'];
    return typeof command === 'string' ? command.split(/\s+/) : list(command, 'command').map((c) => str(c, 'command'));
  };

  const image = (service: string) => optStr(obj(services[service], service)['image'], 'image') ?? '';
  const dbNodes = Object.keys(services).filter((name) => /kurrentdb|eventstore/.test(image(name)));
  const apis = Object.keys(services).filter((name) => {
    const build = obj(services[name], name)['build'];
    return isObj(build) && optStr(build['dockerfile'], 'dockerfile') === 'infra/compose/Dockerfile';
  });

  it('needs nothing that .env.example does not list', () => {
    expect([...unset]).toEqual([]);
    for (const name of ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL', 'BOOTSTRAP_ADMIN']) expect(envExample[name]).toBeDefined();
  });

  it('runs three database nodes with TLS that gossip with each other', () => {
    expect(dbNodes.sort()).toEqual(['node1', 'node2', 'node3']);
    for (const node of dbNodes) {
      const env = envOf(node);
      expectSecureCluster(env, commandOf(node), dbNodes.length);
      for (const path of ['CERTIFICATE_FILE', 'CERTIFICATE_PRIVATE_KEY_FILE', 'TRUSTED_ROOT_CERTIFICATES_PATH']) {
        expect(isMounted(node, dbSetting(env, path)!)).toBe(true);
      }
      expect(mountsOf(node).filter((m) => m.source.startsWith('./certs/')).length).toBeGreaterThan(0);
      expect(mountsOf(node).some((m) => declaredVolumes.includes(m.source) && m.target.startsWith('/var/lib/'))).toBe(true);
      expect(dbSetting(env, 'ADVERTISE_HOST_TO_CLIENT_AS')).toBe(node);
      const seeds = dbSetting(env, 'GOSSIP_SEED')!
        .split(',')
        .map((seed) => seed.split(':'));
      expect(seeds.map(([host]) => host).sort()).toEqual(dbNodes.filter((other) => other !== node).sort());
      for (const [host, port] of seeds) expect(Number(port)).toBe(nodePort(envOf(host!)));
    }
  });

  it('creates a certificate for every node name with es-gencert-cli', () => {
    const script = read('compose', 'gen-certs.sh');
    expect(statSync(join(infra, 'compose', 'gen-certs.sh')).mode & 0o111).not.toBe(0);
    expect(script).toMatch(/docker run .*\$IMAGE|docker run .*es-gencert-cli/);
    expect(script).toMatch(/IMAGE="\$\{GENCERT_IMAGE:-eventstore\/es-gencert-cli:[\d.]+\}"/);
    for (const node of dbNodes) expect(script).toMatch(new RegExp(`\\b${node}\\b`));
  });

  it('runs two api replicas whose environment the api accepts, pointed at those nodes', () => {
    expect(apis.sort()).toEqual(['api-1', 'api-2']);
    const dataVolumes = new Set<string>();
    for (const api of apis) {
      const env = envOf(api);
      const config = productionConfig(env);
      expectChecksRefuseBrokenVariants(env);

      const url = esdbUrl(config.eventStoreUrl!);
      expect(url.hosts.map((h) => h.host).sort()).toEqual([...dbNodes].sort());
      for (const { host, port } of url.hosts) expect(port).toBe(nodePort(envOf(host)));
      expect(isMounted(api, url.params.get('tlsCAFile')!)).toBe(true);

      const data = mountsOf(api).find((m) => m.target === config.dataDir);
      expect(data && declaredVolumes.includes(data.source)).toBe(true);
      dataVolumes.add(data!.source);

      const healthcheck = list(obj(obj(services[api], api)['healthcheck'], 'healthcheck')['test'], 'test').join(' ');
      const probe = /https?:\/\/(?:localhost|127\.0\.0\.1)(?::(\d+))?(\/[\w/]*)/.exec(healthcheck);
      expect(probe?.[2]).toBe('/health');
      expect(Number(probe?.[1] ?? 80)).toBe(config.port);
    }
    expect(dataVolumes.size).toBe(apis.length);
  });

  it('builds the api image with npm ci and npm run build on node:20-slim and starts the compiled api', () => {
    const dockerfile = read('compose', 'Dockerfile');
    const startProd = str(
      obj(obj(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')), 'package.json')['scripts'], 'scripts')['start:prod'],
      'start:prod',
    );
    const command = startProd.split(/\s+/);
    expect(dockerfile).toMatch(/^FROM node:20-slim\b/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^RUN npm run build\b/m);
    expect(command[0]).toBe('node');
    expect(dockerfile).toContain(`CMD [${command.map((word) => JSON.stringify(word)).join(', ')}]`);
    for (const api of apis) expect(obj(obj(services[api], api)['build'], 'build')['context']).toBe('../..');
  });

  it('load-balances port 8080 across the api replicas where they listen', () => {
    const caddyfile = read('compose', 'Caddyfile');
    const proxy = Object.keys(services).find((name) => image(name).startsWith('caddy:'))!;
    expect(mountsOf(proxy)).toContainEqual({ source: './Caddyfile', target: '/etc/caddy/Caddyfile' });
    expect(list(obj(services[proxy], proxy)['ports'], 'ports').map((p) => str(p, 'port'))).toContain('8080:8080');
    expect(caddyfile).toMatch(/^:8080 \{/m);
    const upstreams = /^\s*reverse_proxy ([^{\n]+)/m.exec(caddyfile)![1]!.trim().split(/\s+/);
    expect(upstreams.map((u) => u.split(':')[0]).sort()).toEqual([...apis].sort());
    for (const upstream of upstreams) {
      const [host, port] = upstream.split(':');
      expect(Number(port)).toBe(productionConfig(envOf(host!)).port);
    }
    expect(caddyfile).toMatch(/health_uri \/health\b/);
  });
});

describe('kubernetes (infra/k8s)', () => {
  const dir = join(infra, 'k8s');
  const kustomization = obj(parse(read('k8s', 'kustomization.yaml')), 'kustomization.yaml');
  const resources = list(kustomization['resources'], 'resources').map((r) => str(r, 'resource'));
  const namespace = str(kustomization['namespace'], 'namespace');
  const objects = resources
    .flatMap((file) =>
      parseAllDocuments(read('k8s', file)).map((doc) => {
        expect(doc.errors).toEqual([]);
        return doc.toJS() as unknown;
      }),
    )
    .filter(isObj);

  const kindOf = (o: Obj) => str(o['kind'], 'kind');
  const nameOf = (o: Obj) => str(obj(o['metadata'], 'metadata')['name'], 'name');
  const all = (kind: string) => objects.filter((o) => kindOf(o) === kind);
  const one = (kind: string, name: string): Obj => {
    const found = all(kind).find((o) => nameOf(o) === name);
    if (!found) throw new Error(`no ${kind} ${name} in ${resources.join(', ')}`);
    return found;
  };
  const spec = (o: Obj) => obj(o['spec'], `${kindOf(o)} spec`);
  const podSpec = (workload: Obj) => obj(obj(spec(workload)['template'], 'template')['spec'], 'pod spec');
  const podLabels = (workload: Obj) => obj(obj(obj(spec(workload)['template'], 'template')['metadata'], 'metadata')['labels'], 'labels');
  const container = (workload: Obj) => obj(list(podSpec(workload)['containers'], 'containers')[0], 'container');
  const containerPort = (c: Obj, port: unknown): number => {
    if (typeof port === 'number') return port;
    const named = list(c['ports'], 'ports')
      .map((p) => obj(p, 'port'))
      .find((p) => p['name'] === port);
    if (!named) throw new Error(`no container port named ${String(port)}`);
    return Number(named['containerPort']);
  };
  const selects = (service: Obj, workload: Obj) =>
    Object.entries(obj(spec(service)['selector'], 'selector')).every(([k, v]) => podLabels(workload)[k] === v);

  /** The container's environment as the kubelet builds it: ConfigMaps, Secret placeholders, `$(VAR)` expansion. */
  const envOf = (workload: Obj, podName: string): Env => {
    const c = container(workload);
    const env: Env = {};
    for (const from of list(c['envFrom'], 'envFrom').map((f) => obj(f, 'envFrom'))) {
      if (from['configMapRef']) {
        const data = obj(one('ConfigMap', str(obj(from['configMapRef'], 'ref')['name'], 'name'))['data'], 'data');
        for (const [k, v] of Object.entries(data)) env[k] = str(v, k);
      } else throw new Error('envFrom other than a ConfigMap: the test cannot see which variables it sets');
    }
    for (const entry of list(c['env'], 'env').map((e) => obj(e, 'env'))) {
      const name = str(entry['name'], 'name');
      const valueFrom = isObj(entry['valueFrom']) ? entry['valueFrom'] : undefined;
      if (!valueFrom) {
        env[name] = str(entry['value'] ?? '', name).replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, ref: string) => env[ref] ?? whole);
      } else if (valueFrom['secretKeyRef']) {
        const ref = obj(valueFrom['secretKeyRef'], 'secretKeyRef');
        env[name] = `placeholder-${str(ref['key'], 'key')}`;
      } else if (valueFrom['configMapKeyRef']) {
        const ref = obj(valueFrom['configMapKeyRef'], 'configMapKeyRef');
        env[name] = str(obj(one('ConfigMap', str(ref['name'], 'name'))['data'], 'data')[str(ref['key'], 'key')], name);
      } else if (obj(valueFrom['fieldRef'], 'fieldRef')['fieldPath'] === 'metadata.name') {
        env[name] = podName;
      } else throw new Error(`unsupported valueFrom for ${name}`);
    }
    return env;
  };
  /** The volume behind a path in the container, and the Secret key it shows there (if any). */
  const mountOf = (workload: Obj, path: string) => {
    const mount = list(container(workload)['volumeMounts'], 'volumeMounts')
      .map((m) => obj(m, 'volumeMount'))
      .find((m) => path === m['mountPath'] || path.startsWith(`${str(m['mountPath'], 'mountPath')}/`));
    if (!mount) return undefined;
    const volumeName = str(mount['name'], 'name');
    const claim = list(spec(workload)['volumeClaimTemplates'], 'volumeClaimTemplates').find((t) => nameOf(obj(t, 'claim')) === volumeName);
    if (claim) return { kind: 'claim' as const };
    const volume = list(podSpec(workload)['volumes'], 'volumes')
      .map((v) => obj(v, 'volume'))
      .find((v) => v['name'] === volumeName)!;
    if (!isObj(volume['secret'])) return { kind: isObj(volume['emptyDir']) ? ('emptyDir' as const) : ('other' as const) };
    const secret = volume['secret'];
    const file = posix.relative(str(mount['mountPath'], 'mountPath'), path);
    const items = list(secret['items'], 'items').map((i) => obj(i, 'item'));
    const key = items.length ? optStr(items.find((i) => i['path'] === file)?.['key'], 'key') : file;
    return { kind: 'secret' as const, key };
  };

  /** The database side: the StatefulSet, its headless Service and how its pods are named and reached. */
  const database = () => {
    const statefulSet = all('StatefulSet')[0]!;
    const sts = nameOf(statefulSet);
    const replicas = Number(spec(statefulSet)['replicas']);
    const headless = one('Service', str(spec(statefulSet)['serviceName'], 'serviceName'));
    const svc = nameOf(headless);
    const dbPod = new RegExp(`^${sts}-(\\d+)\\.${svc}(?:\\.${namespace}(?:\\.svc(?:\\.cluster\\.local)?)?)?$`);
    const dbPort = nodePort(envOf(statefulSet, `${sts}-0`));
    const servicePorts = list(spec(headless)['ports'], 'ports').map((p) => Number(obj(p, 'port')['port']));
    /** A pod of the StatefulSet, on the port it listens on and the headless Service publishes. */
    const isDbNode = (host: string, port: number) => {
      const match = dbPod.exec(host);
      return match !== null && Number(match[1]) < replicas && port === dbPort && servicePorts.includes(port);
    };
    return { statefulSet, sts, replicas, headless, svc, dbPort, isDbNode };
  };

  /** The api side: its Deployment and the configuration its environment gives the api. */
  const apiSide = () => {
    const api = all('Deployment')[0]!;
    const apiEnv = envOf(api, 'npa-api-pod');
    return { api, apiEnv, apiConfig: productionConfig(apiEnv) };
  };

  it('lists every manifest in kustomization.yaml and puts everything in one namespace', () => {
    const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml');
    expect([...resources].sort()).toEqual(files.sort());
    expect(nameOf(all('Namespace')[0]!)).toBe(namespace);
    for (const o of objects.filter((o) => kindOf(o) !== 'Namespace')) {
      expect(obj(o['metadata'], 'metadata')['namespace'] ?? namespace).toBe(namespace);
    }
  });

  it('runs three database nodes with TLS behind the headless Service the StatefulSet names', () => {
    const { statefulSet, sts, replicas, headless, svc, dbPort, isDbNode } = database();
    expect(spec(headless)['clusterIP']).toBe('None');
    expect(spec(headless)['publishNotReadyAddresses']).toBe(true);
    expect(selects(headless, statefulSet)).toBe(true);
    expect(containerPort(container(statefulSet), dbPort)).toBe(dbPort);
    expect(list(container(statefulSet)['ports'], 'ports').map((p) => obj(p, 'port')['containerPort'])).toContain(dbPort);
    const claims = list(spec(statefulSet)['volumeClaimTemplates'], 'volumeClaimTemplates');
    expect(claims.length).toBeGreaterThan(0);
    for (let i = 0; i < replicas; i++) {
      const pod = `${sts}-${i}`;
      const env = envOf(statefulSet, pod);
      expectSecureCluster(
        env,
        list(container(statefulSet)['args'], 'args').map((a) => str(a, 'arg')),
        replicas,
      );
      expect(mountOf(statefulSet, '/var/lib/kurrentdb')?.kind).toBe('claim');
      expect(mountOf(statefulSet, dbSetting(env, 'CERTIFICATE_FILE')!)).toEqual({ kind: 'secret', key: `${pod}.crt` });
      expect(mountOf(statefulSet, dbSetting(env, 'CERTIFICATE_PRIVATE_KEY_FILE')!)).toEqual({ kind: 'secret', key: `${pod}.key` });
      expect(mountOf(statefulSet, `${dbSetting(env, 'TRUSTED_ROOT_CERTIFICATES_PATH')!}/ca.crt`)).toEqual({
        kind: 'secret',
        key: 'ca.crt',
      });
      expect(dbSetting(env, 'ADVERTISE_HOST_TO_CLIENT_AS')).toBe(`${pod}.${svc}.${namespace}.svc.cluster.local`);
      const seeds = dbSetting(env, 'GOSSIP_SEED')!
        .split(',')
        .map((seed) => seed.split(':'));
      expect(seeds).toHaveLength(replicas);
      for (const [host, port] of seeds) expect(isDbNode(host!, Number(port))).toBe(true);
    }
  });

  it('runs two api replicas whose environment the api accepts, pointed at the database pods', () => {
    const { replicas, isDbNode } = database();
    const { api, apiEnv, apiConfig } = apiSide();
    expect(spec(api)['replicas']).toBe(2);
    expectChecksRefuseBrokenVariants(apiEnv);
    const url = esdbUrl(apiConfig.eventStoreUrl!);
    expect(url.hosts).toHaveLength(replicas);
    for (const { host, port } of url.hosts) expect(isDbNode(host, port)).toBe(true);
    expect(mountOf(api, url.params.get('tlsCAFile')!)).toEqual({ kind: 'secret', key: 'ca.crt' });
    expect(['emptyDir', 'claim']).toContain(mountOf(api, apiConfig.dataDir)?.kind);
    expect(containerPort(container(api), 'http')).toBe(apiConfig.port);
  });

  it('probes /health where the api listens', () => {
    const { api, apiConfig } = apiSide();
    const c = container(api);
    for (const probe of ['readinessProbe', 'livenessProbe']) {
      const httpGet = obj(obj(c[probe], probe)['httpGet'], `${probe}.httpGet`);
      expect(httpGet['path']).toBe('/health');
      expect(containerPort(c, httpGet['port'])).toBe(apiConfig.port);
    }
  });

  it('routes the ingress to the api Service, and the Service to the api port', () => {
    const { api, apiConfig } = apiSide();
    const services = all('Service').filter((s) => selects(s, api));
    expect(services).toHaveLength(1);
    const service = services[0]!;
    const ports = list(spec(service)['ports'], 'ports').map((p) => obj(p, 'port'));
    for (const port of ports) expect(containerPort(container(api), port['targetPort'] ?? port['port'])).toBe(apiConfig.port);
    const backends = all('Ingress').flatMap((ingress) =>
      list(spec(ingress)['rules'], 'rules').flatMap((rule) =>
        list(obj(obj(rule, 'rule')['http'], 'http')['paths'], 'paths').map((p) => obj(p, 'path')),
      ),
    );
    expect(backends.map((p) => p['path'])).toContain('/');
    for (const backend of backends.map((p) => obj(obj(p['backend'], 'backend')['service'], 'service'))) {
      expect(backend['name']).toBe(nameOf(service));
      const port = obj(backend['port'], 'port');
      expect(ports.some((p) => (port['name'] !== undefined ? p['name'] === port['name'] : p['port'] === port['number']))).toBe(true);
    }
  });

  it('uses the same database image as compose, and documents every Secret it expects', () => {
    const { statefulSet } = database();
    const composeImage = /image: (\S*kurrentdb\S*)/.exec(read('compose', 'docker-compose.yml'))![1];
    expect(container(statefulSet)['image']).toBe(composeImage);
    // Secrets are created by the operator, not by these manifests: secretKeyRef names and secret volumes/TLS.
    const secrets = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      if (!isObj(value)) return;
      if (typeof value['secretName'] === 'string') secrets.add(value['secretName']);
      if (isObj(value['secretKeyRef'])) secrets.add(str(value['secretKeyRef']['name'], 'secret name'));
      Object.values(value).forEach(walk);
    };
    walk(objects);
    expect([...secrets].sort()).toEqual(['eventstoredb-tls', 'eventstoredb-users', 'npa-api-tls']);
    const readme = read('README.md');
    for (const secret of secrets) expect(readme).toContain(secret);
  });
});
