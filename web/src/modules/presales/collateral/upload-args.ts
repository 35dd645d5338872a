/** What every collateral upload carries besides its form fields (the browser's side of the upload, not an API shape). */
export interface UploadArgs {
  file: File;
  csrfToken: string;
  onProgress: (sent: number) => void;
}
