import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ApiRoute, apiPath } from '../../src/protocol/index.ts';
import type { DrillInfo, JoinResponse } from '../../src/protocol/index.ts';
import { TEST_PASSPHRASE } from './server.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** A JSON client over `inject`: no port, the whole app (hooks, limits, handlers) in the path. */
export class ApiClient {
  private readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  request(
    method: Method,
    url: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string>; ip?: string } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    return this.app.inject({
      method,
      url,
      headers,
      ...(options.ip === undefined ? {} : { remoteAddress: options.ip }),
      ...(options.body === undefined ? {} : { payload: options.body as object }),
    });
  }

  async trainerToken(passphrase = TEST_PASSPHRASE): Promise<string> {
    const response = await this.request('POST', ApiRoute.trainerLogin, { body: { passphrase } });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
    return response.json<{ trainerToken: string }>().trainerToken;
  }

  async createDrill(
    trainerToken: string,
    body: object = {
      title: 'Morning drill',
      scenarioIds: ['tutorial-first-call', 'charged-twice'],
      timers: true,
      attempts: 2,
    },
  ): Promise<DrillInfo> {
    const response = await this.request('POST', ApiRoute.drills, { body, token: trainerToken });
    if (response.statusCode !== 201) throw new Error(`create failed: ${response.body}`);
    return response.json<{ drill: DrillInfo }>().drill;
  }

  async join(code: string, name: string, ip?: string): Promise<JoinResponse> {
    const response = await this.request('POST', apiPath(ApiRoute.join, code), {
      body: { name },
      ...(ip === undefined ? {} : { ip }),
    });
    if (response.statusCode !== 201) throw new Error(`join failed: ${response.body}`);
    return response.json<JoinResponse>();
  }
}

/** The error code of a 4xx body. */
export function errorCode(response: LightMyRequestResponse): string {
  return response.json<{ error: { code: string } }>().error.code;
}
