import { diagnosticsPackage } from '../../log/diagnostics.js';
import { signedIn, type HandlerMap } from '../context.js';

/** 导出诊断包 (administrators, the contract's role): the zip for support, as a download. */
export const diagnosticsHandlers: Pick<HandlerMap, 'diagnostics:export'> = {
  async 'diagnostics:export'(_input, ctx) {
    const { staff } = signedIn(ctx);
    const pkg = await diagnosticsPackage(ctx.services);
    ctx.services.log.info('diagnostics.exported', { staff: staff.id, bytes: pkg.data.length });
    return { fileName: pkg.fileName, base64: pkg.data.toString('base64') };
  },
};
