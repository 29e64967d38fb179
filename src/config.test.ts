import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration (issue 2.3)', () => {
  it('development starts with defaults and the development operator', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      OPERATOR_EMAIL: 'operator@example.no',
      isDev: true,
    });
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('a wrong value stops the start with a message that names it', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ APP_NOW: 'yesterday' })).toThrow(/APP_NOW/);
  });

  it('production refuses the development defaults and names each', () => {
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const key of [
      'OPERATOR_EMAIL',
      'OPERATOR_PASSWORD',
      'SESSION_SECRET',
      'PUBLIC_URL',
      'TICKET_SIGNING_KEYS',
      'METRICS_TOKEN',
    ]) {
      expect(message).toContain(key);
    }
  });

  it('issue 12.5: production refuses the development operator email (any case) and the demo data set', () => {
    const production = {
      NODE_ENV: 'production',
      OPERATOR_EMAIL: 'drift@kollektiv.example',
      OPERATOR_PASSWORD: 'a-real-long-password',
      SESSION_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://billett.example.no',
      TICKET_SIGNING_KEYS: '[]',
      METRICS_TOKEN: 'a-long-metrics-token',
      SMS_TRANSPORT: 'outbox',
      EMAIL_TRANSPORT: 'outbox',
    };
    expect(() => loadConfig(production)).not.toThrow();
    expect(() => loadConfig({ ...production, OPERATOR_EMAIL: 'Operator@Example.no' })).toThrow(
      /OPERATOR_EMAIL/,
    );
    expect(() => loadConfig({ ...production, DEMO_DATA: 'true' })).toThrow(/DEMO_DATA/);
    // Issue 12.6 (hostile check): the first operator admin's password meets the password rule.
    for (const weak of ['aaaaaaaaaaaa', 'drift@kollektiv.example', 'kort']) {
      expect(() => loadConfig({ ...production, OPERATOR_PASSWORD: weak }), weak).toThrow(/OPERATOR_PASSWORD/);
    }
  });

  it('issue 12.5: the server binds to loopback unless HOST says otherwise', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('production names how messages leave: without SMS_TRANSPORT and EMAIL_TRANSPORT it refuses to start', () => {
    const production = {
      NODE_ENV: 'production',
      OPERATOR_EMAIL: 'drift@kollektiv.example',
      OPERATOR_PASSWORD: 'a-real-long-password',
      SESSION_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://billett.example.no',
      TICKET_SIGNING_KEYS: '[]',
      METRICS_TOKEN: 'a-long-metrics-token',
    };
    expect(() => loadConfig(production)).toThrow(
      /SMS_TRANSPORT: must be set in production[\s\S]*EMAIL_TRANSPORT/,
    );
    expect(() => loadConfig({ ...production, SMS_TRANSPORT: 'outbox' })).toThrow(/EMAIL_TRANSPORT/);
    expect(
      loadConfig({ ...production, SMS_TRANSPORT: 'outbox', EMAIL_TRANSPORT: 'outbox' }).SMS_TRANSPORT,
    ).toBe('outbox');
    // Development keeps the outbox default: nothing leaves the machine.
    expect(loadConfig({}).SMS_TRANSPORT).toBe('outbox');
  });

  it('production starts when every secret is set', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      OPERATOR_EMAIL: 'drift@kollektiv.example',
      OPERATOR_PASSWORD: 'a-real-long-password',
      SESSION_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://billett.example.no',
      TICKET_SIGNING_KEYS: '[]',
      METRICS_TOKEN: 'a-long-metrics-token',
      SMS_TRANSPORT: 'outbox',
      EMAIL_TRANSPORT: 'outbox',
    });
    expect(config.isDev).toBe(false);
  });
});

describe('TRUST_PROXY (issue 12.3)', () => {
  it('trusts nobody by default; true/false, a hop count or a list of addresses and CIDRs', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'TRUE' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,fd00::/8,loopback' }).TRUST_PROXY).toEqual(
      ['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback'],
    );
  });

  it('a wrong entry stops the start, naming the variable and the entry', () => {
    for (const wrong of ['10.0.0.1/33', 'proxy.example.no', '10.0.0', '::1/129', '10.0.0.1/8/8']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY/);
    }
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1,nope' })).toThrow(/not: nope/);
  });
});

describe('SMS_ALLOWED_COUNTRIES (issue 12.4)', () => {
  it('defaults to Norway; takes ISO codes in any case; refuses unknown codes by name', () => {
    expect(loadConfig({}).SMS_ALLOWED_COUNTRIES).toEqual(['NO']);
    expect(loadConfig({ SMS_ALLOWED_COUNTRIES: 'no, se,NO' }).SMS_ALLOWED_COUNTRIES).toEqual(['NO', 'SE']);
    expect(() => loadConfig({ SMS_ALLOWED_COUNTRIES: 'NO,XX' })).toThrow(/SMS_ALLOWED_COUNTRIES.*XX/s);
    expect(() => loadConfig({ SMS_ALLOWED_COUNTRIES: 'Norway' })).toThrow(/SMS_ALLOWED_COUNTRIES/);
  });
});

describe('message delivery settings (issue 18.2)', () => {
  it('a provider call times out after 10 s and a failed message first waits 10 s, at most 300 s, by default', () => {
    const config = loadConfig({});
    expect(config.SMS_HTTP_TIMEOUT_SECONDS).toBe(10);
    expect(config.MESSAGE_RETRY_DELAY_SECONDS).toBe(10);
    expect(config.MESSAGE_RETRY_DELAY_MAX_SECONDS).toBe(300);
  });

  it('a timeout or wait out of range stops the start, naming the setting', () => {
    expect(() => loadConfig({ SMS_HTTP_TIMEOUT_SECONDS: '0' })).toThrow(/SMS_HTTP_TIMEOUT_SECONDS/);
    expect(() => loadConfig({ SMS_HTTP_TIMEOUT_SECONDS: '61' })).toThrow(/SMS_HTTP_TIMEOUT_SECONDS/);
    expect(() => loadConfig({ MESSAGE_RETRY_DELAY_SECONDS: 'soon' })).toThrow(/MESSAGE_RETRY_DELAY_SECONDS/);
  });
});

describe('ROLE (issue 18, hostile check)', () => {
  it('web or worker alone needs PostgreSQL: on the embedded database the start is refused, naming ROLE', () => {
    expect(() => loadConfig({ ROLE: 'web' })).toThrow(/ROLE.*DATABASE_URL/s);
    expect(() => loadConfig({ ROLE: 'worker' })).toThrow(/ROLE/);
    expect(loadConfig({ ROLE: 'web', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' }).ROLE).toBe(
      'web',
    );
    expect(loadConfig({}).ROLE).toBe('all');
  });
});
