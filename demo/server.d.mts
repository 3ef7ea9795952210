export function startDemoServer(port?: number): Promise<{ url: string; stop: () => Promise<void> }>;
