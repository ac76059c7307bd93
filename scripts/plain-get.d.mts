export declare const PLAIN_GET_HEADER: "x-gatehouse-plain-get";
export declare function isPlainGet(method: string | undefined, url: string | undefined): boolean;
