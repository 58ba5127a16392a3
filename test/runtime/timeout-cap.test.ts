import test from 'ava';
import { capTimeout, config } from '../../runtime/config.js';
import { configure } from '../../runtime/index.js';

test('a per-call timeout is capped at 60000; 0, negative, NaN or not a number give the app default', (t) => {
  t.is(capTimeout(120000, 60000), 60000);
  t.is(capTimeout(60000, 5), 60000);
  t.is(capTimeout(1500, 60000), 1500);
  t.is(capTimeout(0, 777), 777);
  t.is(capTimeout(-5, 777), 777);
  t.is(capTimeout(Number.NaN, 777), 777);
  t.is(capTimeout('100', 777), 777);
  t.is(capTimeout(undefined, 777), 777);
});

test('the app-wide timeout defaults to 60000 and is capped at 60000', (t) => {
  t.is(config.timeout, 60000);
  t.is(config.maxConcurrent, 10);
  configure({ timeout: 999999 });
  t.is(config.timeout, 60000);
  configure({ timeout: 2500 });
  t.is(config.timeout, 2500);
});
