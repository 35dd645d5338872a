import { Center, Loader } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useAuth, type Permission } from '../lib/auth';
import { ForbiddenPage } from '../ui/ForbiddenPage';

/** Signed-out visitors go to /sign-in, which brings them back here afterwards. */
export function RequireAuth() {
  const { session, loading } = useAuth();
  const location = useLocation();
  if (loading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (!session) {
    const from = location.pathname + location.search;
    return <Navigate to={`/sign-in${from === '/' ? '' : `?from=${encodeURIComponent(from)}`}`} replace />;
  }
  return <Outlet />;
}

export function RequirePermission({ permission }: { permission: Permission }) {
  const { can } = useAuth();
  return can(permission) ? <Outlet /> : <ForbiddenPage />;
}
