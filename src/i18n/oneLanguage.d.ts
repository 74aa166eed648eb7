// A messages module imported with ?lang=en or ?lang=ja: that language's strings by key (scripts/oneLanguage.ts).
declare module '*?lang=en' {
  const strings: Readonly<Record<string, string>>;
  export default strings;
}
declare module '*?lang=ja' {
  const strings: Readonly<Record<string, string>>;
  export default strings;
}
