import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Card } from '../../components/Card';
import { SignInPanel } from '../../components/SignInPanel';
import { goBackTo, param, replace, routes } from '../../services/nav';
import { saveSession, type Session } from '../../services/session';

export default function LoginPage() {
  const router = useRouter();
  const back = param(router.params, 'back') || routes.home;

  const onSignedIn = (session: Session) => {
    saveSession(session);
    // A new WeChat user is not bound to an enterprise yet: binding comes next.
    if (!session.user.enterprise) replace(routes.bind(back));
    else goBackTo(back);
  };

  return (
    <View className="page login">
      <Card>
        <SignInPanel onSignedIn={onSignedIn} back={back} />
      </Card>
    </View>
  );
}
