import { NotFound } from '../modules/ui/not-found';

export default function NotFoundPage() {
  return <NotFound />;
}
