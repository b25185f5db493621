import { ExportCustomersQuery } from '../../../../common/schemas/imports.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { exportCustomers } from '../service/export-customers.js';
import { attachment } from '../../../http/content-disposition.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function exportRoutes(app: App): void {
  app.get(
    '/api/exports/customers',
    {
      schema: {
        tags: ['imports'],
        summary:
          '导出客户档案 Customers in your scope as .xlsx (at most 200,000; masked unless your role sees personal data)',
        querystring: ExportCustomersQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const { stream, total, fileName } = await exportCustomers(
        { db: app.deps.database.db, actor: actorOf(request), meta: metaOf(request) },
        request.query,
      );
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(fileName))
        .header('x-total-count', String(total))
        .send(stream);
    },
  );
}
