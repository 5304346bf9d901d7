// bpmn-moddle ships its types under "bpmn-moddle/types" but its main entry declares none; the tests need only this.
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<{ rootElement: unknown; warnings: Array<{ message: string }> }>;
  }
}
