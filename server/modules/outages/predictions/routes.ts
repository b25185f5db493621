/** HTTP of the trouble-call analysis: predictions, the dispatcher's decisions, the settings. */
import { z } from 'zod';
import {
  AnalysisSettings,
  ConfirmPredictionInput,
  PredictionDetail,
  PredictionList,
  PredictionListQuery,
  RejectPredictionInput,
  UpdateAnalysisSettingsInput,
} from '../../../../common/schemas/outage-predictions.js';
import { Id, NoQuery } from '../../../../common/schemas/primitives.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { writeTransaction } from '../../../http/transaction.js';
import { confirmPrediction, rejectPrediction } from './decide.js';
import { getPrediction, listPredictions } from './queries.js';
import { getAnalysisSettings, updateAnalysisSettings } from './settings.js';

const Params = z.strictObject({ id: Id });
const tags = ['outages'];

export function predictionRoutes(app: App): void {
  const db = () => app.deps.database.db;

  app.get(
    '/api/outages/predictions',
    {
      schema: {
        tags,
        summary: '故障研判 Predicted faults (proposed first), by state',
        querystring: PredictionListQuery,
        response: { 200: PredictionList },
      },
    },
    async (request) => listPredictions({ tx: db(), actor: actorOf(request) }, request.query),
  );

  app.get(
    '/api/outages/predictions/:id',
    {
      schema: {
        tags,
        summary: '研判详情 A predicted fault with its calls',
        params: Params,
        querystring: NoQuery,
        response: { 200: PredictionDetail },
      },
    },
    async (request) => getPrediction({ tx: db(), actor: actorOf(request) }, request.params.id),
  );

  app.post(
    '/api/outages/predictions/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认研判 Confirm a predicted fault: a published grid-fault outage, calls linked',
        params: Params,
        body: ConfirmPredictionInput,
        response: { 200: PredictionDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        confirmPrediction(
          { tx, actor, meta: metaOf(request), now: new Date() },
          request.params.id,
          request.body,
        ),
      );
    },
  );

  app.post(
    '/api/outages/predictions/:id/reject',
    {
      schema: {
        tags,
        summary: '驳回研判 Reject a predicted fault: its calls stay single-customer faults',
        params: Params,
        body: RejectPredictionInput,
        response: { 200: PredictionDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        rejectPrediction(
          { tx, actor, meta: metaOf(request), now: new Date() },
          request.params.id,
          request.body,
        ),
      );
    },
  );

  app.get(
    '/api/outages/analysis-settings',
    {
      schema: {
        tags,
        summary: '研判参数 The analysis thresholds of the user’s province',
        querystring: NoQuery,
        response: { 200: AnalysisSettings },
      },
    },
    async (request) => getAnalysisSettings({ tx: db(), actor: actorOf(request) }),
  );

  app.put(
    '/api/outages/analysis-settings',
    {
      schema: {
        tags,
        summary: '修改研判参数 Set the analysis thresholds of the user’s province',
        body: UpdateAnalysisSettingsInput,
        response: { 200: AnalysisSettings },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        updateAnalysisSettings({ tx, actor, meta: metaOf(request), now: new Date() }, request.body),
      );
    },
  );
}
