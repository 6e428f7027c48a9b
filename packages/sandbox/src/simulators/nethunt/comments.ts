import { z } from 'zod';
import { json, objectId, type SimRequest } from '../../server';
import { badBody, fail, inFolder, polled, type NetHuntRoute } from './http';
import { now, recordOf, type NetHuntStore, type StoredComment } from './store';

const TEXT_REQUIRED = '"text" is required';
const CreateCommentBody = z.object({ text: z.string(TEXT_REQUIRED).min(1, TEXT_REQUIRED) }, TEXT_REQUIRED);

const createComment = (store: NetHuntStore, req: SimRequest) => {
  const record = recordOf(store, req.params.recordId);
  if (!record) return fail(404, 'Record not found');
  const body = CreateCommentBody.safeParse(req.body ?? {});
  if (!body.success) return badBody(body.error);
  const comment: StoredComment = {
    commentId: objectId(),
    recordId: record.recordId,
    folderId: record.folderId,
    createdAt: now(),
    text: body.data.text,
  };
  store.comments.push(comment);
  return json(200, { commentId: comment.commentId, createdAt: comment.createdAt });
};

export const commentRoutes: NetHuntRoute[] = [
  {
    method: 'GET',
    path: '/triggers/new-comment/:folderId',
    handle: inFolder(
      polled(
        (store) => store.comments,
        (c) => c.createdAt,
        (c) => ({
          id: c.commentId,
          commentId: c.commentId,
          recordId: c.recordId,
          createdAt: c.createdAt,
          text: c.text,
        }),
      ),
    ),
  },
  { method: 'POST', path: '/actions/create-comment/:recordId', handle: createComment },
];
