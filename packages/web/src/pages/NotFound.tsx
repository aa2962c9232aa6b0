import { PageHeader } from '../components/ui';
import { Link } from '../router';

export default function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" subtitle="There is no page at this address." />
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </>
  );
}
