import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<main><h1>KATİP Asistanı</h1></main>);
