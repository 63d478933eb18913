import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';

// The SDK's Node 20 support notice would clutter every test's stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Keys that moto accepts while it does not check signatures. */
export const SETUP_CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'mockSecretKeyForSetupOnlyEXAMPLEKEY0000' };

export interface MotoServer {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

export interface MotoOptions {
  /** Requests moto serves before it starts to check signatures and IAM policies. */
  unauthenticatedRequests?: number;
}

/** PATH with pyenv's shims, where pip installed moto_server and the aws CLI. */
export function getToolPath(basePath = process.env.PATH ?? ''): string {
  const result = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  const root = result.status === 0 ? result.stdout.trim() : join(process.env.HOME ?? '/root', '.pyenv');
  const shims = join(root, 'shims');
  return existsSync(shims) ? `${shims}:${basePath}` : basePath;
}

/** Start moto_server on 127.0.0.1 at a free port and wait until it responds. */
export async function startMoto(options: MotoOptions = {}): Promise<MotoServer> {
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: getToolPath() };
  if (options.unauthenticatedRequests !== undefined) {
    env.INITIAL_NO_AUTH_ACTION_COUNT = String(options.unauthenticatedRequests);
  }
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, endpoint);
  return { endpoint, pid: child.pid as number, stop: () => stopProcess(child) };
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilReady(child: ChildProcess, endpoint: string): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`moto_server failed to start: ${error.message}; is moto installed (pip install 'moto[server]')?`)));
    child.once('exit', (code) => reject(new Error(`moto_server exited with ${code}: ${stderr}`)));
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ready = await Promise.race([probe(endpoint), exited]);
    if (ready) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`moto_server did not answer at ${endpoint} within 30 s`);
}

async function probe(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(`${endpoint}/moto-api/data.json`);
    return response.ok;
  } catch {
    return false;
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export interface IamUser {
  userName: string;
  accessKeyId: string;
  secretAccessKey: string;
  mfaSerial?: string;
}

/** Create an IAM user with an access key and, unless `mfa` is false, an enabled virtual MFA device. */
export async function createUser(endpoint: string, userName: string, options: { mfa?: boolean; policy?: object } = {}, credentials = SETUP_CREDENTIALS): Promise<IamUser> {
  const iam = new IAMClient({ endpoint, region: 'us-east-1', credentials });
  await iam.send(new CreateUserCommand({ UserName: userName }));
  if (options.policy) {
    await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: 'test', PolicyDocument: JSON.stringify(options.policy) }));
  }
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  const user: IamUser = { userName, accessKeyId: key.AccessKey?.AccessKeyId ?? '', secretAccessKey: key.AccessKey?.SecretAccessKey ?? '' };
  if (options.mfa !== false) {
    user.mfaSerial = await createEnabledDevice(iam, userName);
  }
  return user;
}

async function createEnabledDevice(iam: IAMClient, userName: string): Promise<string> {
  const device = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: userName }));
  const serial = device.VirtualMFADevice?.SerialNumber ?? '';
  await iam.send(new EnableMFADeviceCommand({ UserName: userName, SerialNumber: serial, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
  return serial;
}
