import { Col, Flex, Row } from 'antd';
import { useCan } from '../../components/session-context.ts';
import { ExportCard } from './export-card.tsx';
import { ImportsTable } from './imports-table.tsx';
import { UploadCard } from './upload-card.tsx';

/** 数据导入: upload a customer or network file, follow its progress, export the archive. */
export function ImportsPage() {
  const can = useCan();
  const exporter = can('customer.export');
  return (
    <Flex vertical gap={16}>
      <Row gutter={16}>
        <Col span={exporter ? 16 : 24}>
          <UploadCard />
        </Col>
        {exporter && (
          <Col span={8}>
            <ExportCard />
          </Col>
        )}
      </Row>
      <ImportsTable />
    </Flex>
  );
}
