// 语音测试 in 叫号设置: plays a call on this computer and says whether it has a Chinese voice, so
// the administrator can check a hall display's PC (open 叫号设置 there) before the day starts.
import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { announce, chineseVoice, unlockAudio } from '../display/voice';

export function VoiceTest({ volume }: { volume: number }) {
  const [result, setResult] = useState<string | null>(null);
  const test = () => {
    unlockAudio();
    const voice = chineseVoice();
    setResult(
      voice
        ? `本机有中文语音（${voice.name}），正在播放：请 A001 号到 1 号窗口`
        : '本机未安装中文语音：叫号时只响提示音、不读号。请在系统设置中添加中文（普通话）语音。',
    );
    void announce('A001', 1, 'desk', volume);
  };
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Button variant="default" onClick={test} style={{ flexShrink: 0 }}>
        语音测试
      </Button>
      <Text size="sm" role="status" data-testid="voice-test-result" mt={6}>
        {result ?? '在叫号屏所在的电脑上打开本页试听：先响提示音，再读号两遍。'}
      </Text>
    </Group>
  );
}
