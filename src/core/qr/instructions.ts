/** The one line under a poster's code, per language; English for languages not listed. */
const SCAN: Readonly<Record<string, string>> = {
  vi: 'Quét mã bằng điện thoại để xem cảnh này 360° và nghe thuyết minh.',
  en: 'Scan with your phone to explore this place in 360° and hear its story.',
  fr: 'Scannez avec votre téléphone pour visiter ce lieu à 360° et écouter son histoire.',
  zh: '用手机扫码，360° 参观此处并收听讲解。',
  ko: '휴대폰으로 스캔하여 이곳을 360°로 둘러보고 해설을 들어 보세요.',
  ja: 'スマートフォンで読み取ると、この場所を360°で見て解説を聞けます。',
};

export const scanInstruction = (lang: string): string => SCAN[lang] ?? SCAN.en!;
