// Every workflow the dispatcher knows, in the order help lists them.
import type { Workflow } from '../registry';
import { risk } from './risk';
import { isap } from './isap';
import { forum } from './forum';
import { talent } from './talent';
import { survey } from './survey';
import { approvals } from './approvals';
import { digest } from './digest';
import { home } from './home';
import { dsl } from './dsl';

export const WORKFLOWS: Workflow[] = [home, risk, isap, forum, talent, survey, approvals, digest, dsl];
