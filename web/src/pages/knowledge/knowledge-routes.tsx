import { Route, Routes } from 'react-router-dom';
import { RequirePermission } from '../../components/require-permission.tsx';
import { ArticlePage } from './article-page.tsx';
import { EditorPage } from './editor-page.tsx';
import { KnowledgePage } from './knowledge-page.tsx';
import { ReviewPage } from './review-page.tsx';

/** The knowledge pages under /knowledge (the shell already required knowledge.view). */
export function KnowledgeRoutes() {
  return (
    <Routes>
      <Route index element={<KnowledgePage />} />
      <Route
        path="new"
        element={
          <RequirePermission permission="knowledge.edit">
            <EditorPage />
          </RequirePermission>
        }
      />
      <Route
        path="review"
        element={
          <RequirePermission permission="knowledge.review">
            <ReviewPage />
          </RequirePermission>
        }
      />
      <Route path=":id" element={<ArticlePage />} />
      <Route
        path=":id/edit"
        element={
          <RequirePermission permission="knowledge.edit">
            <EditorPage />
          </RequirePermission>
        }
      />
    </Routes>
  );
}
