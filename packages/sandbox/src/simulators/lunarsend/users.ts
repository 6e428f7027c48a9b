import { json } from '../../server';
import { contains, fail, isResponse, pageOf, searchOf, type LunarSendRoute } from './http';
import type { TeamUser } from './store';

const USER_SEARCH_BY = ['name', 'display_name', 'user_id'];

export const userRoutes: LunarSendRoute[] = [
  {
    method: 'GET',
    path: '/team/users/search',
    handle: (store, req) => {
      const s = searchOf(req, USER_SEARCH_BY);
      if (isResponse(s)) return s;
      const { term, by } = s;
      const found = store.users.filter(
        (u) =>
          !term ||
          (by ? contains(u[by as keyof TeamUser], term) : contains(u.name, term) || contains(u.display_name, term)),
      );
      return json(
        200,
        pageOf(found, s, (u) => u),
      );
    },
  },
  {
    // get-user: `[{ status, id, data: { … } }]`.
    method: 'GET',
    path: '/team/users',
    handle: (store, req) => {
      const id = req.query.get('id');
      if (!id) return fail(400, 'missing_field', '"id" is required.');
      const user = store.users.find((u) => u.user_id === id);
      return user
        ? json(200, [{ status: 'success', id, data: user }])
        : fail(404, 'not_found', `No team user with id ${id}.`);
    },
  },
];
