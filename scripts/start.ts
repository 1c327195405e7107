// `npm start`: builds the editor in a child process while the server opens the database, so a fresh
// clone answers /api/health as soon as the database is ready; the editor appears when its build ends.
import { spawn } from 'node:child_process';

const build = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
build.on('exit', (code) => {
  if (code !== 0)
    console.error(
      `\n  The editor build failed (exit ${code}); the API keeps running. Run \`npm run build\` to see why.\n`,
    );
});
process.on('exit', () => build.kill());

await import('../server/main.ts');
